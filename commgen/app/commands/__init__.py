"""One module per command; each ``make()`` builds its Click command once the language is set
(help texts are translated when the command is made)."""
