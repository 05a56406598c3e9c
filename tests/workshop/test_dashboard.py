"""The trainer dashboard widget, driven in plain pytest (no browser, no server)."""

from __future__ import annotations

import re

import pytest

from tests.workshop.simulate import simulate_workshop
from toolkit.dashboard import DASHBOARD_NOTEBOOK
from toolkit.dashboard.widgets import TrainerDashboard
from toolkit.store import open_store
from toolkit.workshop.results import class_summary, score_rows


def _number_after(label: str, html: str, skip: str = "") -> float:
    rest = html.split(label, 1)[1]
    if skip:
        rest = rest.split(skip, 1)[1]
    match = re.match(r"\s*(-?[0-9.]*,?[0-9]+)", rest)
    assert match, rest[:80]
    return float(match.group(1).replace(".", "").replace(",", "."))


@pytest.fixture
def sim(tmp_path, monkeypatch):
    monkeypatch.setenv("PANGAN_DATA_DIR", str(tmp_path / "data"))
    store = open_store(f"sqlite:///{tmp_path / 'd.sqlite'}")
    truth = simulate_workshop(store, "SIM", n=60, seed=5)
    yield store, truth
    store.close()


def test_dashboard_shows_every_participant_and_the_class_figures(sim) -> None:
    store, truth = sim
    dash = TrainerDashboard(store, "SIM", refresh_seconds=0)
    assert dash.workshop == "SIM"
    progress = dash._progress.value
    assert all(code in progress for code in truth.codes)
    assert progress.count("<tr>") == len(truth.codes) + 1
    pre_mean = sum(100 * sum(m) / truth.items for m in truth.pre.values()) / len(truth.pre)
    assert _number_after("Rata-rata pre-test: ", dash._summary.value) == pytest.approx(
        pre_mean, abs=0.051
    )
    expected = class_summary(score_rows(store, "SIM"))
    assert _number_after("N-gain kelas", dash._summary.value, skip=": ") == pytest.approx(
        expected.class_gain, abs=0.0051
    )
    assert bytes(dash._histogram.value).startswith(b"\x89PNG")
    assert list(dash._quiz.options) == ["pretest", "posttest"]
    assert "KR-20" in dash._items.value
    assert bytes(dash._item_chart.value).startswith(b"\x89PNG")


def test_refresh_picks_up_new_participants_and_answers(sim) -> None:
    store, truth = sim
    dash = TrainerDashboard(store, "SIM", refresh_seconds=0)
    (newcomer,) = store.add_participants("SIM", [{"name": "Ibu Baru Datang"}])
    assert newcomer.code not in dash._progress.value
    store.record_progress("SIM", newcomer.code, "lima_kunci", "completed")
    dash._refresh.click()
    assert "Ibu Baru Datang" in dash._progress.value
    assert dash._progress.value.count("<tr>") == len(truth.codes) + 2


def test_review_list_names_flagged_questions(sim) -> None:
    from toolkit.store import AnswerRecord

    store, _truth = sim
    # Six participants ranked by q_ok/q_ok2; q_neg is right only for the weakest ones.
    table = {
        "A": {"q_easy": 1, "q_hard": 0, "q_neg": 0, "q_ok": 1, "q_ok2": 1},
        "B": {"q_easy": 1, "q_hard": 0, "q_neg": 0, "q_ok": 1, "q_ok2": 1},
        "C": {"q_easy": 1, "q_hard": 0, "q_neg": 0, "q_ok": 1, "q_ok2": 0},
        "D": {"q_easy": 1, "q_hard": 0, "q_neg": 1, "q_ok": 0, "q_ok2": 0},
        "E": {"q_easy": 1, "q_hard": 0, "q_neg": 1, "q_ok": 0, "q_ok2": 0},
        "F": {"q_easy": 1, "q_hard": 0, "q_neg": 1, "q_ok": 0, "q_ok2": 0},
    }
    for person, marks in table.items():
        for q, ok in marks.items():
            store.record_answer(AnswerRecord("SIM", person, "crafted", q, "x", correct=bool(ok)))
    dash = TrainerDashboard(store, "SIM", refresh_seconds=0, lang="en")
    dash._quiz.value = "crafted"
    review = dash._review.value
    assert "<b>q_easy</b>" in review and "too easy" in review
    assert "<b>q_hard</b>" in review and "too hard" in review
    assert "<b>q_neg</b>" in review and "negative discrimination" in review
    assert "<b>q_ok</b>" not in review and "<b>q_ok2</b>" not in review


def test_certificate_check_tab(sim) -> None:
    from toolkit.workshop.certificates import load_or_create_key, sign_payload

    store, _truth = sim
    dash = TrainerDashboard(store, "SIM", refresh_seconds=0, lang="en")
    payload = sign_payload({"n": "Ana Lede", "w": "SIM", "s": 80.0}, load_or_create_key())
    dash._cert_text.value = payload
    dash._cert_check.click()
    assert "Ana Lede" in dash._cert_result.value and "VALID" in dash._cert_result.value
    dash._cert_text.value = payload.replace(payload.split(".")[1][:6], "AAAAAA", 1)
    dash._cert_check.click()
    assert "Signature VALID" not in dash._cert_result.value
    assert "pa-flag" in dash._cert_result.value  # shown as a refusal


def test_empty_store_shows_a_message_not_an_error(tmp_path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'e.sqlite'}")
    dash = TrainerDashboard(store, refresh_seconds=0)
    assert "pangan workshop create" in dash._message.value
    store.close()


def test_dashboard_notebook_is_outside_the_trainee_root() -> None:
    from toolkit.app.catalogue import notebooks_dir

    assert DASHBOARD_NOTEBOOK.is_file()
    assert not DASHBOARD_NOTEBOOK.resolve().is_relative_to(notebooks_dir().resolve())


def test_dashboard_binds_to_localhost_by_default_with_a_token() -> None:
    from toolkit.cli import build_parser
    from toolkit.dashboard.launch import DashboardOptions, voila_argv

    args = build_parser().parse_args(["dashboard"])
    assert args.host == "127.0.0.1" and args.port != 8866
    argv = voila_argv(DashboardOptions(host=args.host, port=args.port), "tok123")
    assert "--Voila.ip=127.0.0.1" in argv and "--Voila.token=tok123" in argv


def test_automatic_refresh_redraws_only_after_a_change(sim) -> None:
    store, _truth = sim
    dash = TrainerDashboard(store, "SIM", refresh_seconds=0)
    dash._progress.value = "stale"
    dash.refresh(force=False)
    assert dash._progress.value == "stale"  # nothing changed: no redraw
    store.add_participants("SIM", [{"name": "Ibu Baru"}])
    dash.refresh(force=False)
    assert "Ibu Baru" in dash._progress.value
