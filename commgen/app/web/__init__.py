"""``commgen web``: the interview of ``commgen new`` in the officer's browser, served on this
computer only (127.0.0.1), over the same question engine, answers file, per-answer checks and
generate pipeline as the command line. ``case`` holds the case being answered, ``server`` the
web application and its guards, ``texts`` the page texts (through ``_()``)."""
