"""Foundation: errors, translations, YAML files, text cleaning, Jinja sandbox, package data.

Imports nothing else of commgen; every other layer may import it.
"""
