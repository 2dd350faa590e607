"""Privacy checks: find names, class names, contact data, image details, blame and speculation.

``run.check_text`` is the one entry point; the rules the foundation maintains live in
``snippets/nl/regels``. See README, "De privacycontrole".
"""
