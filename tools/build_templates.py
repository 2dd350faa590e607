"""Draft the Word templates in ``templates/nl`` (run once per new template).

The .docx files are the source of truth once drafted: the foundation edits them in Word.
Running this again overwrites their edits, so it refuses to replace an existing file unless
``--force`` is given.

    python tools/build_templates.py [--force]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from docxbuild import header_footer, new_document, page_break, para, slim, table

ROOT = Path(__file__).resolve().parent.parent


def communicatiestatement(path: Path) -> None:
    doc = new_document()
    header_footer(doc, "{{ school_name }} · Communicatiestatement versie {{ statement_version }}",
                  "Vertrouwelijk tot vrijgave · ")
    doc.add_paragraph("Communicatiestatement", style="Title")
    para(doc, "{{ school_name }}, {{ school_place }} · versie {{ statement_version }} · "
              "{{ statement_date }}, {{ statement_time }} uur", style="Subtitle")
    para(doc, "Dit statement is de kernboodschap van de school. Alle berichten aan ouders, "
              "leerlingen, medewerkers en pers zijn ervan afgeleid. Het eerste deel mag na "
              "goedkeuring naar buiten; de bijlage is alleen voor het crisisteam.", italic=True)

    doc.add_heading("Wat speelt er?", level=1)
    para(doc, "{%p if pupil_visible %}")
    para(doc, "Op {{ reported_date }} hoorde de school dat er onder leerlingen een seksueel "
              "getint beeld van een leerling van onze school wordt verspreid.")
    para(doc, "{%p else %}")
    para(doc, "Op {{ reported_date }} hoorde de school dat er onder leerlingen een seksueel "
              "getint beeld wordt gedeeld. Voor zover wij weten, is daarop geen leerling van "
              "onze school te zien.")
    para(doc, "{%p endif %}")
    para(doc, "{{ phrase.material }} {{ phrase.spread }}{% if phrase.channel %} Het beeld ging "
              "rond {{ phrase.channel|opsomming }}.{% endif %}")
    para(doc, "{%p if situation_extra %}")
    para(doc, "{{ situation_extra }}")
    para(doc, "{%p endif %}")
    para(doc, "Wij doen geen uitspraken over {% if pupil_visible %}wie er op het beeld staat of "
              "{% endif %}wie het beeld heeft verspreid. Zo beschermen we de privacy van alle "
              "leerlingen.")

    doc.add_heading("Wat vindt de school?", level=1)
    para(doc, "{%p if pupil_visible %}")
    para(doc, "Wij vinden het ernstig dat een beeld van een leerling zonder toestemming wordt "
              "doorgestuurd. Wie iets in vertrouwen deelt, mag erop rekenen dat het privé "
              "blijft; doorsturen zonder toestemming is de schending. De leerling die op het "
              "beeld staat, treft geen blaam.")
    para(doc, "{%p else %}")
    para(doc, "Wij vinden het ernstig dat zulke beelden onder leerlingen worden gedeeld. Ook "
              "als je niet weet wie er op het beeld staat, is doorsturen schadelijk.")
    para(doc, "{%p endif %}")
    para(doc, "Bekijken, bewaren en doorsturen van seksueel beeld van minderjarigen is "
              "strafbaar, ook voor jongeren. Zonder verspreiders geen shame sexting.")
    para(doc, "{%p if view_extra %}")
    para(doc, "{{ view_extra }}")
    para(doc, "{%p endif %}")

    doc.add_heading("Wat doet de school?", level=1)
    para(doc, "De veiligheid van {% if pupil_visible %}de leerling om wie het gaat{% else %}"
              "onze leerlingen{% endif %} gaat voor alles. Dit hebben we tot nu toe gedaan:")
    para(doc, "{%p for zin in phrase.actions %}")
    para(doc, "{{ zin }}", style="List Bullet")
    para(doc, "{%p endfor %}")
    para(doc, "{{ phrase.police }} {{ phrase.reporting|join(' ') }}")
    para(doc, "Wij vragen iedereen die het beeld heeft ontvangen: bekijk het niet, bewaar het "
              "niet en stuur het niet door, ook niet naar de school. Verwijder het direct, ook "
              "uit back-ups en prullenbakken.")
    para(doc, "{%p if actions_extra %}")
    para(doc, "{{ actions_extra }}")
    para(doc, "{%p endif %}")

    doc.add_heading("Waarom?", level=1)
    para(doc, "Iedere leerling moet zich veilig voelen op school, ook online. De school heeft "
              "een zorgplicht voor de sociale veiligheid van alle leerlingen. Daarom grijpen we "
              "in: {% if pupil_visible %}om de leerling te beschermen die dit overkomt, {% endif %}"
              "om verdere verspreiding te stoppen en om de rust op school te herstellen.")
    para(doc, "{%p if why_extra %}")
    para(doc, "{{ why_extra }}")
    para(doc, "{%p endif %}")

    doc.add_heading("Contactpersoon", level=1)
    para(doc, "Hebt u vragen of zorgen? Neem contact op met {{ contact.name }}, "
              "{{ contact.role }}, via {{ contact_phone }} of {{ contact_email }}.")
    para(doc, "Journalisten kunnen alleen terecht bij {{ spokesperson.name }}, "
              "{{ spokesperson.role }}, via {{ spokesperson_phone }}"
              "{% if spokesperson_email %} of {{ spokesperson_email }}{% endif %}.")

    page_break(doc)
    doc.add_heading("Bijlage: alleen voor het crisisteam", level=1)
    para(doc, "Deel deze bijlage niet buiten het crisisteam. Stuur haar niet door en zet haar "
              "niet online.", italic=True)
    table(doc, [
        ("Versie", "{{ statement_version }}"),
        ("Vastgesteld", "{{ statement_date }}, {{ statement_time }} uur"),
        ("Schoolbestuur", "{% if 'board' in approvals %}goedgekeurd{% else %}nog niet "
                          "goedgekeurd{% endif %}"),
        ("Leerling en ouders", "{% if not pupil_visible %}niet van toepassing{% elif 'family' "
                               "in approvals %}goedgekeurd{% else %}nog niet goedgekeurd: eerst "
                               "afstemmen{% endif %}"),
        ("Politie", "{% if police == 'none' %}niet betrokken{% elif 'police' in approvals %}"
                    "afgestemd{% else %}nog niet afgestemd{% endif %}"),
        ("Politie en melding", "{{ phrase.police }} {{ phrase.reporting|join(' ') }}"),
        ("Media", "{{ phrase.media }}"),
        ("Berichten naar", "{{ phrase.audiences|opsomming }}"),
        ("Volgende update", "{{ next_update_date.weekday }}, {{ next_update_time }} uur"),
    ])
    para(doc, "{%p if origin %}")
    doc.add_heading("Achtergrond (niet delen)", level=2)
    para(doc, "{{ phrase.origin }}")
    para(doc, "{%p endif %}")

    doc.add_heading("Wat zeggen we niet", level=2)
    for line in (
        "Geen namen van leerlingen, ouders of medewerkers, behalve die van de contactpersoon en "
        "de woordvoerder.",
        "Niet om welke {{ term.klas }} het gaat, tenzij de leerling en de ouders daarmee hebben "
        "ingestemd.",
        "Niets over wat er op het beeld te zien is, of over waar en hoe het is gemaakt.",
        "Geen vermoedens over wie het beeld heeft gemaakt of verspreid.",
        "Geen maatregelen tegen individuele leerlingen.",
        "Geen oordeel over de leerling op het beeld, ook niet indirect (“niet handig”, "
        "“naïef”).",
        "Nooit “geen commentaar”: zeg wat we wel kunnen zeggen en verwijs naar de woordvoerder.",
        "Geen beloften die we niet kunnen waarmaken, zoals “het beeld is overal verwijderd”.",
    ):
        para(doc, line, style="List Bullet")
    para(doc, "{%p if not_said_extra %}")
    para(doc, "{{ not_said_extra }}", style="List Bullet")
    para(doc, "{%p endif %}")

    doc.add_heading("Vragen en antwoorden voor telefoon en receptie", level=2)
    qa = [
        ("Wie is de leerling? In welke {{ term.klas }} zit hij of zij?",
         "Daar doen wij geen uitspraken over. Wij beschermen de privacy van alle leerlingen."),
        ("Wat staat er op het beeld?",
         "Daar doen wij geen uitspraken over. Wij vragen iedereen het beeld niet te bekijken, "
         "niet te bewaren en niet door te sturen."),
        ("Wie heeft het verspreid? Wordt die leerling gestraft?",
         "Hoe het beeld is verspreid, wordt uitgezocht{% if police != 'none' %} in overleg "
         "met de politie{% endif %}. Over maatregelen tegen individuele leerlingen doen wij "
         "geen uitspraken."),
        ("Mijn kind heeft het beeld ontvangen. Wat moet ik doen?",
         "Vraag uw kind het beeld niet te bekijken en niet door te sturen, en het direct te "
         "verwijderen, ook uit back-ups. Stuur het ook niet naar school. Praat er rustig met uw "
         "kind over. Met vragen kunt u terecht bij {{ contact.name }}, {{ contact.role }}."),
        ("Is de politie ingeschakeld?",
         "{% if police == 'none' %}Daar doen wij op dit moment geen uitspraken over.{% else %}"
         "De school werkt samen met de politie. Verder doen wij daar geen uitspraken over."
         "{% endif %}"),
        ("Ik ben journalist.",
         "Alle vragen van de pers beantwoordt {{ spokesperson.name }}, {{ spokesperson.role }}, "
         "via {{ spokesperson_phone }}. Verder geven wij geen informatie."),
    ]
    for question, answer in qa:
        p = para(doc, question)
        p.runs[0].bold = True
        p.paragraph_format.space_after = 0
        p.paragraph_format.keep_with_next = True
        para(doc, answer)

    doc.add_heading("Volgende update", level=2)
    para(doc, "Het crisisteam bekijkt dit statement opnieuw op {{ next_update_date.weekday }} om "
              "{{ next_update_time }} uur en stelt dan zo nodig een nieuwe versie vast.")
    slim(doc)
    doc.save(path)


TEMPLATES = {"nl/communicatiestatement.docx": communicatiestatement}


def main(argv: list[str]) -> int:
    force = "--force" in argv
    for rel, build in TEMPLATES.items():
        path = ROOT / "templates" / rel
        if path.exists() and not force:
            print(f"{path} exists; keep it (use --force to overwrite Word edits)")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        build(path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
