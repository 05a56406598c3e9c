"""Widgets made by the toolkit share Layout and Style models (fewer comm messages per page),
and a shared model cannot be changed by mistake."""

from __future__ import annotations

import ipywidgets as w
import pytest
from ipywidgets.widgets.widget import _instances

from toolkit.app import ui
from toolkit.app.classroom import Classroom
from toolkit.app.session import Session


def test_blocks_and_buttons_share_layout_and_style():
    a, b = ui.html_block("a"), ui.html_block("b")
    assert a.layout is b.layout is ui.FULL
    assert a.style is b.style
    x, y = ui.button("x"), ui.button("y", style="")
    assert x.layout is y.layout and x.style is y.style
    assert x.layout.min_height == "44px" and x.layout.width == "100%"
    assert ui.layout(width="100%", height="40px") is ui.layout(height="40px", width="100%")
    assert ui.style(ui.TextStyle) is not ui.style(ui.DescriptionStyle)


def test_a_shared_layout_cannot_change_but_a_widget_can_get_its_own():
    a, b = ui.html_block("a"), ui.html_block("b")
    with pytest.raises(ui.SharedModelError):
        a.layout.display = "none"
    assert b.layout.display is None
    a.layout = w.Layout(width="100%", display="none")
    assert a.layout.display == "none" and b.layout.display is None
    with pytest.raises(ui.SharedModelError):
        ui.button("c").style.button_color = "red"
    a.value = "<p>widget values still change</p>"


def test_every_module_opens_and_leaves_its_shared_models_as_made(tmp_path, monkeypatch):
    monkeypatch.setenv("PANGAN_DATA_DIR", str(tmp_path))
    room = Classroom(Session(lang="id"))
    names = [card.module.name for card in room.cards()]
    assert len(names) >= 8
    for name in names:
        room.open_module(name)
        assert room.current == name
        assert "pangan-msg-error" not in room._status.value
        room.go_home()
    shared = [m for m in list(_instances.values()) if getattr(m, "_pangan_frozen", False)]
    assert any(isinstance(m, w.Layout) for m in shared)
    assert any(isinstance(m, ui.HTMLStyle) for m in shared)
    for model in shared:
        made = model._pangan_props
        assert {k: getattr(model, k) for k in made} == made
        if isinstance(model, w.Layout) and "display" not in made:
            assert model.display is None


def test_going_home_and_back_makes_no_new_widgets(tmp_path, monkeypatch):
    """Home cards, back buttons and opened modules are made once and shown again."""
    monkeypatch.setenv("PANGAN_DATA_DIR", str(tmp_path))
    room = Classroom(Session(lang="id"))
    name = room.cards()[0].module.name
    room.open_module(name)
    room.go_home()
    after_first = len(_instances)
    for _ in range(3):
        room.open_module(name)
        room.back()
    assert len(_instances) == after_first
    room.set_lang("en")  # the other language is made once too
    room.set_lang("id")
    assert room.cards() and room.cards()[0].module.name == name


def test_widgets_carry_their_css_class_from_the_start(tmp_path, monkeypatch):
    """A class added after a widget is made is one more message through the kernel, the
    server and the phone for every widget: opening the modules sends none."""
    monkeypatch.setenv("PANGAN_DATA_DIR", str(tmp_path))
    sent: list[tuple[str, object]] = []
    original = w.Widget.send_state

    def recording(self, key=None):
        sent.append((type(self).__name__, key))
        return original(self, key)

    monkeypatch.setattr(w.Widget, "send_state", recording)
    room = Classroom(Session(lang="id"))
    for card in room.cards():
        room.open_module(card.module.name)
        room.go_home()
    room.set_lang("en")
    late = [
        (cls, key) for cls, key in sent if key == "_dom_classes" or "_dom_classes" in (key or ())
    ]
    assert sent, "nothing was recorded: the check would prove nothing"
    assert late == []
