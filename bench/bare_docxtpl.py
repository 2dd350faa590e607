"""The baseline: bare docxtpl render-and-save, as docxtpl's documentation shows it.

    python bench/bare_docxtpl.py CONTEXT.json TEMPLATE.docx OUT.docx [CONTEXT TEMPLATE OUT ...]

One process renders every document, as a hand-written script would.
"""

import json
import sys

import jinja2
from docxtpl import DocxTemplate

env = jinja2.Environment()
env.filters["opsomming"] = lambda items: ", ".join(items)  # the one custom filter templates use
args = sys.argv[1:]
for context_path, template_path, out_path in zip(args[::3], args[1::3], args[2::3], strict=True):
    with open(context_path, encoding="utf-8") as handle:
        context = json.load(handle)
    template = DocxTemplate(template_path)
    template.render(context, jinja_env=env)
    template.save(out_path)
