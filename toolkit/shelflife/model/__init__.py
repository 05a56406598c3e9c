"""Pure shelf-life calculators (no UI): measurement tables, kinetics and Arrhenius, Q10,
critical moisture (Labuza) and the label's best-before date."""
