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

from docxbuild import (
    base_size,
    footer_line,
    header_footer,
    letterhead,
    new_document,
    page_break,
    para,
    shaded,
    slim,
    table,
)

ROOT = Path(__file__).resolve().parent.parent

# The police are involved (any answer but "niet betrokken"), and public texts may say so.
POLICE_INVOLVED = "police|reject('equalto', 'none')|list"
POLICE_OK = "'police' in approvals and " + POLICE_INVOLVED
# The police work on the case (a report, an investigation, the wijkagent), not only advice.
POLICE_WORKS = ("'police' in approvals and police|select('in', ['wijkagent', 'report_family', "
                "'report_school', 'investigation'])|list")
# What the school did with the police and the reports, with the neutral line while the police
# have not approved the text, the takedown and the other schools.
OTHER_POLICE_LINE = ("{{ ([phrase.police_pending] + phrase.police + [phrase.takedown, "
                     "phrase.other_schools])|select|join(' ') }}")
POLICE_LINE = ("{{ ([phrase.police_pending] + phrase.police + phrase.reporting + "
               "[phrase.takedown, phrase.other_schools])|select|join(' ') }}")


def public_phone(question: str) -> str:
    """On the website: the school's general number, unless the answers allow the person's."""
    return ("{% if phones_public or not school.phone %}{{ " + question + " }}{% else %}"
            "{{ school.phone }}{% endif %}")


def communicatiestatement(path: Path, online: bool = False) -> None:
    """The internal master statement; with ``online`` its public part for the website."""
    doc = new_document()
    if online:
        base_size(doc, 11, after=5)
        footer_line(doc, "{{ school.name }}{% if school.website %} · {{ school.website }}"
                         "{% endif %}")
        letterhead(doc)
        doc.add_paragraph("Verklaring van {{ school.name }}", style="Title")
        para(doc, "Bijgewerkt op {{ statement_date }} om {{ statement_time }} uur",
             style="Subtitle")
        para(doc, "Er gaat onder leerlingen een seksueel getint beeld rond. Op deze pagina leest "
                  "u wat de school weet, wat zij ervan vindt en wat zij doet. Berichten die hier "
                  "niet mee overeenkomen, kloppen niet.", italic=True)
    else:
        header_footer(doc, "{{ school_name }} · Communicatiestatement versie "
                           "{{ statement_version }}", "Vertrouwelijk tot vrijgave · ")
        doc.add_paragraph("Communicatiestatement", style="Title")
        para(doc, "{{ school_name }}, {{ school_place }} · versie {{ statement_version }} · "
                  "{{ statement_date }}, {{ statement_time }} uur", style="Subtitle")
        para(doc, "Dit statement is de kernboodschap van de school. Alle berichten aan ouders, "
                  "leerlingen, medewerkers en pers zijn ervan afgeleid. Het eerste deel mag na "
                  "goedkeuring naar buiten; de bijlage is alleen voor het crisisteam.",
             italic=True)

    doc.add_heading("Wat speelt er?", level=1)
    para(doc, "{%p if pupil_visible %}")
    para(doc, "Op {{ reported_date }} hoorde de school dat er onder leerlingen een seksueel "
              "getint beeld van een leerling van onze school wordt verspreid.")
    para(doc, "{%p else %}")
    para(doc, "Op {{ reported_date }} hoorde de school dat er onder leerlingen een seksueel "
              "getint beeld wordt gedeeld. Voor zover wij weten, is daarop geen leerling van "
              "onze school te zien." + ("" if online else " {{ phrase.saw_it }}"))
    para(doc, "{%p endif %}")
    optional(doc, "phrase.other_school_pupil")
    para(doc, "{{ ([phrase.material] + phrase.spread)|select|join(' ') }}"
              "{% if phrase.channel %} Het beeld ging "
              "rond {{ phrase.channel|opsomming }}.{% endif %}")
    para(doc, "{%p if situation_extra %}")
    para(doc, "{{ situation_extra }}")
    para(doc, "{%p endif %}")
    para(doc, "Wij doen geen uitspraken over {% if pupil_visible %}wie er op het beeld staat of "
              "{% endif %}wie het beeld heeft verspreid. Zo beschermen we de privacy van alle "
              "leerlingen.")

    doc.add_heading("Wat vindt de school?", level=1)
    para(doc, "{{ phrase.view }}")
    para(doc, "Bekijken, bewaren en doorsturen van seksueel beeld van minderjarigen is "
              "strafbaar, ook voor {{ term.jongeren }}. Zonder verspreiders geen shame sexting.")
    para(doc, "{%p if view_extra %}")
    para(doc, "{{ view_extra }}")
    para(doc, "{%p endif %}")

    doc.add_heading("Wat doet de school?", level=1)
    para(doc, "De veiligheid van {% if pupil_visible %}de leerling om wie het gaat,{% else %}"
              "onze leerlingen{% endif %} staat voorop. Dit hebben we tot nu toe gedaan:")
    para(doc, "{%p for zin in phrase.actions %}")
    para(doc, "{{ zin }}", style="List Bullet")
    para(doc, "{%p endfor %}")
    para(doc, POLICE_LINE)
    optional(doc, "phrase.sextortion_advice")
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
    contact_phone, spokesperson_phone = (
        (public_phone("contact_phone"), public_phone("spokesperson_phone")) if online
        else ("{{ contact_phone }}", "{{ spokesperson_phone }}"))
    para(doc, "Hebt u vragen of zorgen? Neem contact op met {{ contact.name }}, "
              "{{ contact.role }}, via " + contact_phone + " of {{ contact_email }}.")
    para(doc, "Journalisten kunnen alleen terecht bij {{ spokesperson.name }}, "
              "{{ spokesperson.role }}, via " + spokesperson_phone +
              "{% if spokesperson_email %} of {{ spokesperson_email }}{% endif %}.")
    if online:
        slim(doc)
        doc.save(path)
        return

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
        ("Politie", "{% if not " + POLICE_INVOLVED + " %}niet betrokken{% elif 'police' in "
                    "approvals %}afgestemd{% else %}nog niet afgestemd: openbare teksten noemen "
                    "de politie niet{% endif %}"),
        ("Politie en melding", "{{ label.police|opsomming }}{% if reporting %}; gemeld bij: "
                               "{{ label.reporting|opsomming }}{% endif %}"),
        ("Geslacht van de leerling", "{% if pupil_visible %}niet noemen, ook niet met hij, zij, "
                                     "haar of zijn{% else %}niet van toepassing{% endif %}"),
        ("Media", "{{ phrase.media }}"),
        ("Berichten naar", "{{ (phrase.audiences + (['ouders van andere ' ~ term.klassen] if "
                           "letter_other_classes == 'letter' else []))|opsomming }}"),
        ("Volgende update", "{{ next_update_date.weekday }}, {{ next_update_time }} uur"),
    ])
    para(doc, "{%p if phrase.pending_board or phrase.pending_family or phrase.pending_police %}")
    doc.add_heading("Wacht op goedkeuring", level=2)
    para(doc, "{%p endif %}")
    loop(doc, "zin in [phrase.pending_board, phrase.pending_family, phrase.pending_police]"
              "|select", "{{ zin }}")
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
        "Niets over wat er op het beeld te zien is of waar het is gemaakt{% if not ("
        "pupil_visible and 'family' in approvals) %}, en niets over hoe het is ontstaan"
        "{% endif %}.",
        "Geen vermoedens over wie het beeld heeft gemaakt of verspreid.",
        "Geen maatregelen tegen individuele leerlingen.",
        "Geen oordeel over de leerling op het beeld, ook niet indirect (“niet handig”, "
        "“naïef”).",
        "Nooit “geen commentaar”: zeg wat we wel kunnen zeggen en verwijs naar de woordvoerder.",
        "Geen beloften die we niet kunnen waarmaken, zoals “het beeld is overal verwijderd”.",
    ):
        para(doc, line, style="List Bullet")
    para(doc, "{%p if " + POLICE_INVOLVED + " and 'police' not in approvals %}")
    para(doc, "Niets over de politie, een aangifte of een onderzoek, tot de politie de tekst "
              "heeft goedgekeurd.", style="List Bullet")
    para(doc, "{%p endif %}")
    para(doc, "{%p if not_said_extra %}")
    para(doc, "{{ not_said_extra }}", style="List Bullet")
    para(doc, "{%p endif %}")

    doc.add_heading("Vragen en antwoorden voor telefoon en receptie", level=2)
    qa = [
        ("{% if pupil_visible %}Wie is de leerling? In welke {{ term.klas }} zit hij of zij?"
         "{% else %}Staat er een leerling van de school op het beeld?{% endif %}",
         "{% if pupil_visible %}Daar doen wij geen uitspraken over. Wij beschermen de privacy "
         "van alle leerlingen.{% else %}Voor zover wij weten niet. Meer zeggen wij niet over "
         "wat er op het beeld staat.{% endif %}"),
        ("Wat staat er op het beeld?",
         "Dat vertellen wij niet. Wij vragen iedereen het beeld niet te bekijken, "
         "niet te bewaren en niet door te sturen."),
        ("Wie heeft het verspreid? Welke maatregelen neemt de school?",
         "Hoe het beeld is verspreid, wordt uitgezocht{% if " + POLICE_WORKS + " %} in overleg "
         "met de politie{% endif %}. Over maatregelen tegen individuele leerlingen doen wij "
         "geen uitspraken."),
        ("Mijn kind heeft het beeld ontvangen. Wat moet ik doen?",
         "Vraag uw kind het beeld niet te bekijken en niet door te sturen, en het direct te "
         "verwijderen, ook uit back-ups. Stuur het ook niet naar school. Praat er rustig met uw "
         "kind over. Met vragen kunt u terecht bij {{ contact.name }}, {{ contact.role }}."),
        ("Is de politie ingeschakeld?",
         "{% if " + POLICE_OK + " %}De school heeft contact met de politie. Verder doen wij "
         "daar geen uitspraken over.{% else %}Daarover zeggen wij op dit moment niets."
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



# --- Shared pieces of the letters ---------------------------------------------------------

HELP_LINE = ("{{ h.naam }}: {{ h.wat }}.{% if h.telefoon %} Bel {{ h.telefoon }}{% endif %}"
             "{% if h.website %}{% if h.telefoon %} of kijk op{% else %} Kijk op{% endif %} "
             "{{ h.website }}{% endif %}{% if h.telefoon or h.website %}.{% endif %}")


def bullets(doc, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    for line in lines:
        para(doc, line, style="List Bullet")


def loop(doc, items: str, line: str, style: str = "List Bullet") -> None:  # type: ignore[no-untyped-def]
    para(doc, "{%p for " + items + " %}")
    para(doc, line, style=style)
    para(doc, "{%p endfor %}")


def optional(doc, name: str, style: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """A free-text answer in its own paragraphs, only when it was given."""
    para(doc, "{%p if " + name + " %}")
    para(doc, "{{ " + name + " }}", style=style)
    para(doc, "{%p endif %}")


def letter_opening(doc, betreft: str) -> None:  # type: ignore[no-untyped-def]
    letterhead(doc)
    para(doc, "{{ school.place }}, {{ today }}")
    p = para(doc, betreft, bold_prefix="Betreft: ")
    p.paragraph_format.space_after = docx_pt(12)
    para(doc, "Beste ouder(s)/verzorger(s),")


def letter_closing(doc) -> None:  # type: ignore[no-untyped-def]
    p = para(doc, "Met vriendelijke groet,")
    p.paragraph_format.space_after = docx_pt(14)
    for text in ("{{ school.head.name }}", "{{ school.head.role }}", "{{ school.name }}"):
        p = para(doc, text)
        p.paragraph_format.space_after = 0
    para(doc, "{%p if phrase.send_channel %}")
    p = para(doc, "{{ phrase.send_channel }}", italic=True)
    p.paragraph_format.space_before = docx_pt(10)
    para(doc, "{%p endif %}")


LETTER_FOOTER = "{{ school.name }}{% if school.website %} · {{ school.website }}{% endif %}"


def letter_document(size: float = 10.5, margin_cm: float = 1.8,  # type: ignore[no-untyped-def]
                    footer: str = LETTER_FOOTER):
    from docx.shared import Cm

    doc = new_document()
    section = doc.sections[0]
    section.top_margin = section.bottom_margin = Cm(margin_cm)
    base_size(doc, size, after=4 if size > 10 else 3)
    for name in ("Heading 1", "Heading 2"):
        doc.styles[name].font.size = doc.styles["Heading 2"].font.size
        doc.styles[name].paragraph_format.space_before = docx_pt(8)
    footer_line(doc, footer)
    return doc


def docx_pt(value: float):  # type: ignore[no-untyped-def]
    from docx.shared import Pt

    return Pt(value)


WHAT_WE_ASK = [
    "Praat met uw kind over wat er is gebeurd. Hieronder leest u hoe u dat kunt aanpakken.",
    "Bekijk het beeld niet, bewaar het niet, maak er geen screenshot van en stuur het niet door, "
    "ook niet naar de school. Bekijken, bewaren en doorsturen is strafbaar, ook voor "
    "{{ term.jongeren }}.",
    "Heeft uw kind het beeld ontvangen? Vraag dan of uw kind het meteen verwijdert, ook uit "
    "chats, back-ups en de prullenbak. Doe dat samen als dat helpt.",
    "Praat in appgroepen van ouders niet over wie er op het beeld staat of wie het heeft "
    "doorgestuurd. Zulke gesprekken maken de schade groter.",
    "Benadert een journalist u? Verwijs dan naar {{ spokesperson.name }}, "
    "{{ spokesperson.role }}, via {{ spokesperson_phone }}.",
]


# --- Letter to the parents of the class --------------------------------------------------

def brief_ouders_klas(path: Path) -> None:
    doc = letter_document()
    letter_opening(doc, "een beeld dat onder leerlingen is gedeeld")
    para(doc, "U krijgt deze brief omdat het gaat om {% if class_named %}{{ class_name }}, "
              "de {{ term.klas }} van uw kind{% else %}de {{ term.klas }} van uw kind{% endif %}. "
              "Wij willen u zelf en zo snel mogelijk informeren, zodat u met uw kind kunt "
              "praten.{% if pupil_visible and 'family' in approvals %} Deze brief is afgestemd "
              "met de leerling en de ouders om wie het gaat{% if 'police' in approvals %} en met "
              "de politie{% endif %}.{% elif 'police' in approvals %} Deze brief is afgestemd "
              "met de politie.{% endif %}")

    doc.add_heading("Wat is er gebeurd?", level=2)
    para(doc, "{%p if pupil_visible %}")
    para(doc, "Op {{ reported_date }} hoorden wij dat er onder leerlingen een seksueel getint "
              "beeld van een leerling van onze school wordt gedeeld. "
              "{{ ([phrase.material] + phrase.spread)|select|join(' ') }}"
              "{% if phrase.channel %} Het beeld ging rond "
              "{{ phrase.channel|opsomming }}.{% endif %}")
    para(doc, "{%p else %}")
    para(doc, "Op {{ reported_date }} hoorden wij dat er onder leerlingen een seksueel getint "
              "beeld wordt gedeeld. Voor zover wij weten, staat er geen leerling van onze school "
              "op. Toch kan het voor {{ term.jongeren }} heftig zijn om zoiets te zien of te "
              "krijgen. {{ ([phrase.material] + phrase.spread)|select|join(' ') }}"
              "{% if phrase.channel %} Het beeld ging "
              "rond {{ phrase.channel|opsomming }}.{% endif %}")
    para(doc, "{{ phrase.saw_it }}")
    para(doc, "{%p endif %}")
    optional(doc, "phrase.other_school_pupil")
    optional(doc, "situation_extra")
    para(doc, "Wij noemen geen namen en vertellen niets over wat er op het beeld te zien is. "
              "Zo beschermen wij alle leerlingen. Wij vragen u hetzelfde te doen.")
    para(doc, "{{ phrase.view }}")
    optional(doc, "view_extra")

    doc.add_heading("Wat heeft de school gedaan?", level=2)
    loop(doc, "zin in phrase.actions", "{{ zin }}")
    para(doc, "{%p if " + POLICE_LINE.strip("{} ") + " %}")
    para(doc, POLICE_LINE)
    para(doc, "{%p endif %}")
    optional(doc, "actions_extra")

    doc.add_heading("Wat vragen wij van u?", level=2)
    bullets(doc, WHAT_WE_ASK)
    optional(doc, "phrase.media", style="List Bullet")
    optional(doc, "phrase.sextortion_advice")

    doc.add_heading("Hoe praat u met uw kind?", level=2)
    para(doc, "{{ term.jongeren|capitalize }} vertellen vaak meer dan u verwacht, als ze merken "
              "dat ze niet veroordeeld worden. Een paar handvatten:")
    bullets(doc, [
        "Blijf rustig en oordeel niet, ook als u schrikt. Zo blijft uw kind met u praten.",
        "Stel open vragen, bijvoorbeeld: “Wat heb je erover gehoord?” en “Hoe is dat voor "
        "jou?” Luister vooral.",
        "Vraag of uw kind het beeld heeft gekregen, en of het zich onder druk voelde om het door "
        "te sturen.",
        "{{ phrase.consent_tip }}",
        "Prijs uw kind als het iets vertelt, of als het een beeld niet heeft doorgestuurd.",
        "De telefoon afpakken helpt meestal niet: een volgende keer vertelt uw kind u dan "
        "minder.",
        "{% if school_type == 'po' %}Pas uw woorden aan de leeftijd van uw kind aan."
        "{% if pupil_visible %} Uw kind hoeft niet te weten wat er op het beeld staat."
        "{% endif %}{% else %}Praat ook over wat uw kind "
        "zelf kan doen: niet meelachen, niet doorsturen en het melden bij een volwassene."
        "{% endif %}",
    ])

    doc.add_heading("Waar vindt u hulp?", level=2)
    para(doc, "Maakt u zich zorgen over uw kind, of wilt u advies? Deze organisaties helpen:")
    loop(doc, "h in hulp", HELP_LINE)

    doc.add_heading("Vragen?", level=2)
    para(doc, "Hebt u vragen of zorgen, of merkt u dat het niet goed gaat met uw kind? Neem dan "
              "contact op met {{ contact.name }}, {{ contact.role }}, via {{ contact_phone }} of "
              "{{ contact_email }}. Wij houden u op de hoogte als er nieuws is dat u moet weten.")
    para(doc, "Wij begrijpen dat dit bericht vragen en zorgen kan oproepen. Samen met u willen "
              "wij ervoor zorgen dat alle leerlingen zich weer veilig voelen op school.")
    letter_closing(doc)
    slim(doc)
    doc.save(path)


# --- Letter to the parents of other classes ----------------------------------------------

def brief_ouders_overig(path: Path) -> None:
    doc = letter_document(size=10, margin_cm=1.5)
    letter_opening(doc, "een beeld dat onder leerlingen is gedeeld")
    para(doc, "Op {{ reported_date }} hoorden wij dat er onder leerlingen van onze school een "
              "seksueel getint beeld{% if pupil_visible %} van een leerling{% endif %} wordt "
              "gedeeld. {{ phrase.spread|join(' ') }} Omdat er ook buiten één {{ term.klas }} "
              "over wordt gepraat, informeren wij u. Wij noemen geen namen en geen "
              "{{ term.klas }}: zo beschermen wij alle leerlingen.")
    para(doc, "{%p if pupil_visible %}")
    para(doc, "Doorsturen zonder toestemming is wat hier fout gaat. De leerling op het beeld "
              "treft geen blaam.")
    para(doc, "{%p else %}")
    para(doc, "Voor zover wij weten, staat er geen leerling van onze school op het beeld. "
              "{{ phrase.saw_it }}")
    para(doc, "{%p endif %}")

    doc.add_heading("Wat doet de school?", level=2)
    # One paragraph, not a list: this letter stays on one page for every case.
    para(doc, "{{ phrase.actions|join(' ') }}")
    para(doc, "{%p if " + OTHER_POLICE_LINE.strip("{} ") + " %}")
    para(doc, OTHER_POLICE_LINE)
    para(doc, "{%p endif %}")

    doc.add_heading("Wat vragen wij van u?", level=2)
    bullets(doc, [
        "Vraag uw kind of het iets over het beeld heeft gehoord of het heeft gekregen.",
        "Heeft uw kind het beeld? Laat het niet aan u zien, maar vraag uw kind het meteen te "
        "verwijderen, ook uit chats, back-ups en de prullenbak. Stuur het ook niet naar de "
        "school.",
        "Bekijken, bewaren en doorsturen is strafbaar, ook voor {{ term.jongeren }}.",
        "Praat in appgroepen van ouders niet over wie erop staat of wie het heeft "
        "doorgestuurd.",
    ])
    optional(doc, "phrase.media", style="List Bullet")
    optional(doc, "phrase.sextortion_advice")
    para(doc, "Blijf rustig als u met uw kind praat, stel open vragen en luister. Prijs uw kind "
              "als het iets vertelt of een beeld niet heeft doorgestuurd.")

    doc.add_heading("Hulp en vragen", level=2)
    loop(doc, "h in hulp", HELP_LINE)
    para(doc, "Hebt u vragen of zorgen? Neem contact op met {{ contact.name }}, "
              "{{ contact.role }}, via {{ contact_phone }} of {{ contact_email }}. Journalisten "
              "verwijst u naar {{ spokesperson.name }}, {{ spokesperson.role }}.")
    letter_closing(doc)
    slim(doc)
    doc.save(path)


# --- Press holding statement ---------------------------------------------------------------

def persverklaring(path: Path) -> None:
    doc = letter_document()
    letterhead(doc)
    doc.add_paragraph("Verklaring van {{ school.name }} over een beeld dat onder leerlingen "
                      "is gedeeld", style="Title")
    doc.styles["Title"].font.size = docx_pt(17)
    para(doc, "{{ school.place }}, {{ statement_date }}, {{ statement_time }} uur",
         style="Subtitle")
    optional(doc, "phrase.media")
    para(doc, "Op {{ reported_date }} hoorde {{ school.name }} dat er onder leerlingen een "
              "seksueel getint beeld{% if pupil_visible %} van een leerling van de school"
              "{% endif %} is gedeeld. {{ ([phrase.material] + phrase.spread)|select|join(' ') }}")
    para(doc, "{% if pupil_visible %}De zorg voor de leerling en de ouders staat voor ons "
              "voorop.{% else %}De zorg voor onze leerlingen staat voor ons voorop.{% endif %} "
              "{{ ([phrase.police_pending] + phrase.police)|select|join(' ') }}")
    para(doc, "{{ (phrase.actions + [phrase.takedown, phrase.other_schools, "
              "phrase.other_school_pupil])|select|join(' ') }}")
    optional(doc, "press_extra")
    para(doc, "{% if pupil_visible %}Over de leerlingen die hierbij betrokken zijn, geven wij "
              "geen informatie: het gaat om minderjarigen, en hun privacy gaat voor.{% else %}"
              "{{ phrase.saw_it }} Over wie er wel op staat, doen wij geen uitspraken.{% endif %}"
              "{% if 'police' in approvals and police|select('in', ['report_family', "
              "'report_school', 'investigation'])|list %} Ook lopen wij niet vooruit op het werk "
              "van de politie.{% endif %}")
    para(doc, "Wij begrijpen dat dit bericht onrust geeft bij ouders, leerlingen en in de "
              "omgeving. Wij vragen iedereen die het beeld krijgt: bekijk het niet, bewaar het "
              "niet en stuur het niet door. Bekijken, bewaren en doorsturen is strafbaar, ook "
              "voor {{ term.jongeren }}, en maakt de schade groter.")
    para(doc, "{{ phrase.media_request }}")
    doc.add_heading("Contact voor de pers", level=2)
    para(doc, "Vragen van journalisten beantwoordt alleen {{ spokesperson.name }}, "
              "{{ spokesperson.role }}, via {{ spokesperson_phone }}{% if spokesperson_email %} "
              "of {{ spokesperson_email }}{% endif %}.")
    para(doc, "Wij geven een nieuwe update op {{ next_update_date.weekday }} om "
              "{{ next_update_time }} uur, of eerder als daar aanleiding voor is.")
    slim(doc)
    doc.save(path)


# --- Handout for teachers and staff -------------------------------------------------------

def handreiking_team(path: Path) -> None:
    doc = new_document()
    base_size(doc, 10.5, after=4)
    doc.styles["Heading 1"].font.size = docx_pt(13)
    doc.styles["Heading 1"].paragraph_format.space_before = docx_pt(10)
    footer_line(doc, "Handreiking {{ school.name }} · vertrouwelijk, niet doorsturen")
    doc.add_paragraph("Handreiking voor {{ term.mentoren }} en medewerkers", style="Title")
    doc.styles["Title"].font.size = docx_pt(20)
    para(doc, "{{ school.name }} · versie {{ statement_version }} · {{ statement_date }}, "
              "{{ statement_time }} uur · alleen voor medewerkers", style="Subtitle")
    para(doc, "Er gaat op school een seksueel getint beeld rond. Deze handreiking helpt je om "
              "in je {{ term.klas }} en met ouders het goede te zeggen en te doen. Je hoeft het "
              "niet alleen te doen: onderaan staat bij wie je terecht kunt.", italic=True)

    doc.add_heading("Wat speelt er, en wat mag je delen?", level=1)
    para(doc, "{% if pupil_visible %}Er gaat een seksueel getint beeld van een leerling van "
              "onze school rond.{% else %}Er gaat onder leerlingen een seksueel getint beeld "
              "rond. Voor zover bekend staat er geen leerling van onze school op.{% endif %} "
              "{{ ([phrase.material] + phrase.spread)|select|join(' ') }}"
              "{% if phrase.channel %} Het beeld ging "
              "rond {{ phrase.channel|opsomming }}.{% endif %}")
    optional(doc, "phrase.saw_it")
    optional(doc, "phrase.other_school_pupil")
    para(doc, "{{ phrase.view }}")
    para(doc, "{{ (phrase.police + phrase.reporting + [phrase.media, phrase.other_schools])"
              "|select|join(' ') }}")
    para(doc, "Wat de school al doet:")
    loop(doc, "zin in phrase.actions", "{{ zin }}")
    optional(doc, "actions_extra")
    optional(doc, "teachers_extra")
    para(doc, "Tegen leerlingen en ouders zeg je niet meer dan in de brief aan de ouders staat. "
              "Dus geen namen, niet om welke {{ term.klas }} het gaat en niets over wat er op "
              "het beeld te zien is, ook niet als iemand ernaar vraagt.")

    doc.add_heading("De boodschap aan leerlingen", level=1)
    para(doc, "Gebruik deze woorden, of je eigen woorden met dezelfde strekking:")
    shaded(doc, "{{ phrase.pupil_message }}")

    doc.add_heading("Harde afspraken", level=1)
    bullets(doc, [
        "Bekijk het beeld nooit, vraag er niet om en stuur het nooit door: niet naar collega's, "
        "niet naar de schoolleiding en ook niet als bewijs.",
        "Wil een leerling het je laten zien? Zeg dat dat niet hoeft, en vraag het beeld te "
        "verwijderen.",
        "Noem geen namen en ga niet in op geruchten over wie erop staat of wie het heeft "
        "verspreid, ook niet in de teamkamer.",
        "Hoor of zie je iets nieuws? Geef het dezelfde dag door aan {{ contact.name }}, "
        "{{ contact.role }}.",
        "Journalisten verwijs je vriendelijk naar {{ spokesperson.name }}, "
        "{{ spokesperson.role }}. Je geeft zelf geen informatie, ook niet informeel.",
    ])
    optional(doc, "phrase.sextortion_advice")

    doc.add_heading("Het gesprek in de {{ term.klas }}", level=1)
    bullets(doc, [
        "Maak eerst afspraken: we noemen geen namen, we lachen niemand uit, niemand hoeft iets "
        "te vertellen, en wat hier gezegd wordt, blijft hier.",
        "Praat over wat leerlingen voelen en denken, niet over de feiten of over wie wat heeft "
        "gedaan.",
        "Denk niet in daders en slachtoffers, maar praat over gedrag: doorsturen, meelachen, "
        "wegkijken, iemand steunen.",
        "Stel open vragen: “Wat vind je ervan dat zo'n beeld rondgaat?”, “Wat zou jij willen "
        "als het over jou ging?”, “Wat kun je doen als je zo'n beeld krijgt?”",
        "Ziet een leerling er erg van op? Praat na de les even apart en schakel de "
        "{{ term.zorg }} in.",
    ])

    doc.add_heading("Wat je kunt doen aan gedrag", level=1)
    bullets(doc, [
        "Spreek omstanders aan: wie lacht, liket of doorstuurt, doet mee. Wie het beeld niet "
        "doorstuurt en het meldt, helpt.",
        "Vraag leerlingen het beeld te verwijderen, ook uit chats, back-ups en de prullenbak, "
        "zonder dat iemand het laat zien.",
        "Doorsturen heeft gevolgen. Welke maatregelen er komen, bepaalt de schoolleiding; in de "
        "{{ term.klas }} bespreek je die niet.",
        "Maak met de {{ term.klas }} afspraken over hoe jullie met elkaar omgaan, ook online, en "
        "zet negatieve groepsdruk om in steun voor elkaar.",
        "{% if pupil_visible and 'buddies' in actions %}De leerling om wie het gaat, heeft "
        "{{ term.klasgenoten }} gevraagd als steun in de {{ term.klas }}. Overleg met de "
        "{{ term.zorg }} hoe je hen daarbij helpt.{% else %}Let op leerlingen die stil worden "
        "of zich terugtrekken, en vraag hoe het met ze gaat.{% endif %}",
    ])

    doc.add_heading("Problematiseren of normaliseren?", level=1)
    para(doc, "{{ phrase.normalise }}")

    doc.add_heading("Lesmateriaal en hulp", level=1)
    para(doc, "Overleg met de {{ term.zorg }} welke les bij je {{ term.klas }} past. Hier vind je "
              "materiaal en advies:")
    loop(doc, "h in hulp", HELP_LINE)

    doc.add_heading("Je eigen oordeel, en steun voor jezelf", level=1)
    para(doc, "Ook jij hebt gedachten en gevoelens over wat er is gebeurd. Dat is normaal. "
              "Bespreek ze met collega's of met de schoolleiding, niet met leerlingen. Jij kent "
              "je {{ term.klas }} het best: pas de aanpak aan als dat nodig is, en overleg als je "
              "twijfelt.")
    para(doc, "Zo'n situatie kan je raken. Praat erover met {% if team_support %}"
              "{{ team_support.name }}, {{ team_support.role }}{% else %}{{ contact.name }}, "
              "{{ contact.role }}{% endif %}. Je hoeft dit niet alleen te doen.")
    para(doc, "Vragen over deze handreiking: {{ contact.name }}, {{ contact.role }}, "
              "{{ contact_phone }}. Het crisisteam bekijkt de situatie opnieuw op "
              "{{ next_update_date.weekday }} om {{ next_update_time }} uur; je hoort dan of er "
              "iets verandert.")
    slim(doc)
    doc.save(path)


# --- The rest of the protocol's communication (steps 3 to 5) ------------------------------

DELETE_EVERYWHERE = ("Heb je het gekregen? Verwijder het meteen: van je telefoon, uit alle chats "
                     "en groepsapps, uit de cloud en je back-ups, uit de prullenbak en uit "
                     "“onlangs verwijderd”. Verwijder ook screenshots.")
NEVER_FORWARD = ("Stuur het nooit door, ook niet om het te melden of om het aan de school te "
                 "laten zien. Vertel het liever aan je {{ term.mentor }}.")


VERSION_LINE = "{{ school.name }} · versie {{ statement_version }} · {{ statement_date }}"


def short_document(footer: str, title: str, subtitle: str,  # type: ignore[no-untyped-def]
                   intro: str | None = None, size: float = 10.5):
    """A short document (no letterhead): its footer, title, subtitle and italic instruction."""
    doc = letter_document(size=size, footer=footer)
    doc.add_paragraph(title, style="Title")
    doc.styles["Title"].font.size = docx_pt(18)
    para(doc, subtitle, style="Subtitle")
    if intro:
        para(doc, intro, italic=True)
    return doc


def finish(doc, path: Path) -> None:  # type: ignore[no-untyped-def]
    slim(doc)
    doc.save(path)


def boodschap_leerlingen(path: Path) -> None:
    doc = short_document(
        "{{ school.name }} · om voor te lezen, niet doorsturen", "Boodschap aan de leerlingen",
        VERSION_LINE,
        "Lees dit voor in je {{ term.klas }}, of vertel het in je eigen woorden met dezelfde "
        "strekking. Noem geen namen en zeg niets over wat er op het beeld staat.", size=11)
    doc.add_heading("Om voor te lezen", level=2)
    para(doc, "{{ phrase.pupils_what }}")
    para(doc, "{{ phrase.pupils_approach }}")
    para(doc, "{% if school_type == 'po' %}Heb je de foto of het filmpje gezien of gekregen? Kijk "
              "er niet naar, stuur het niet door en vertel het aan je juf, je meester of je "
              "ouders. Dan helpen wij je het weg te halen. Stuur het ook niet naar ons.{% else %}"
              "Bekijken, bewaren en doorsturen van zo'n beeld is strafbaar, ook voor jongeren. "
              + DELETE_EVERYWHERE + " " + NEVER_FORWARD + "{% endif %}")
    para(doc, "{% if school_type == 'po' %}Het is niet jouw schuld als je zoiets krijgt. Vind je "
              "het eng of naar? Dat is normaal.{% else %}Krijg je zo'n beeld, dan is dat niet "
              "jouw schuld. Wie het wel doorstuurt, maakt de schade groter.{% endif %}")
    para(doc, "Praat er niet over wie het is of wie het heeft doorgestuurd, ook niet online. Zo "
              "help je iedereen.")
    para(doc, "Wil je erover praten? Dat kan bij mij, bij de vertrouwenspersoon of bij de "
              "{{ term.zorg }}. Liever anoniem? Bel of chat gratis met De Kindertelefoon: "
              "0800 0432 of www.kindertelefoon.nl.")
    finish(doc, path)


def lesopzet_klassengesprek(path: Path) -> None:
    doc = short_document(
        "Lesopzet {{ school.name }} · alleen voor medewerkers, niet doorsturen",
        "Lesopzet voor het gesprek in de {{ term.klas }}",
        VERSION_LINE + " · voor {{ term.mentoren }}",
        "Een gesprek van 30 tot 45 minuten. Jij kent je {{ term.klas }} het best: pas de "
        "opzet aan, sla over wat niet past en overleg met de {{ term.zorg }} als je twijfelt.")
    doc.add_heading("Voorbereiding", level=2)
    bullets(doc, [
        "Lees de boodschap aan de leerlingen en de handreiking voor het team.",
        "{% if pupil_visible %}Weet of de leerling om wie het gaat in de {{ term.klas }} zit, "
        "en overleg met de {{ term.zorg }} of het gesprek nu past.{% else %}Bedenk welke "
        "leerlingen het beeld misschien hebben gezien, en houd ze in de gaten. Er staat geen "
        "leerling van onze school op het beeld: zeg dat ook in de {{ term.klas }}.{% endif %}",
        "Zorg dat een collega of de {{ term.zorg }} bereikbaar is als een leerling het gesprek "
        "wil verlaten.",
    ])
    doc.add_heading("1. Afspraken vooraf", level=2)
    bullets(doc, [
        "We noemen geen namen, ook niet met hints.",
        "We vertellen geen details over het beeld of over wat er gebeurd is.",
        "We oordelen niet over anderen en lachen niemand uit.",
        "Niemand hoeft iets te vertellen, en wat hier gezegd wordt, blijft hier.",
    ])
    doc.add_heading("2. Openen: gevoelens, geen feiten", level=2)
    para(doc, "Lees de boodschap aan de leerlingen voor. Vraag daarna naar gevoelens en "
              "gedachten, niet naar wie of wat:")
    bullets(doc, [
        "“Wat dacht of voelde je toen je erover hoorde?”",
        "“Hoe zou het zijn als het over jou ging?”",
        "“Wat heb je nodig om je hier veilig te voelen?”",
    ])
    doc.add_heading("3. Toestemming en wat je doet als je een beeld krijgt", level=2)
    para(doc, "{{ phrase.pupils_approach }}")
    bullets(doc, [
        "Toestemming: een beeld van een ander stuur je nooit door zonder dat die ander dat "
        "goed vindt. Ook niet als je het zelf kreeg.",
        "{% if school_type == 'po' %}Krijg je zo'n foto of filmpje? Kijk er niet naar, stuur het "
        "niet door en vertel het aan een volwassene die je vertrouwt.{% else %}"
        + DELETE_EVERYWHERE + "{% endif %}",
        NEVER_FORWARD,
        "{% if school_type == 'vo' %}Bekijken, bewaren en doorsturen van een seksueel beeld van "
        "een minderjarige is strafbaar, ook voor jongeren.{% else %}Een volwassene helpt je het "
        "weg te halen; jij hoeft dat niet alleen te doen.{% endif %}",
    ])
    doc.add_heading("4. Omstanders: jij maakt het verschil", level=2)
    bullets(doc, [
        "“Wat kun je doen als iemand in een groepsapp zo'n beeld deelt?” (niet meedoen, niet "
        "liken, er iets van zeggen, het melden)",
        "“Hoe kun je iemand steunen die dit overkomt?”",
        "Zeg dat wie het meldt, helpt, en dat melden geen klikken is.",
    ])
    doc.add_heading("5. Afsluiten: waar vind je hulp?", level=2)
    para(doc, "Vertel waar leerlingen terecht kunnen: bij jou, bij de vertrouwenspersoon, bij de "
              "{{ term.zorg }}, en anoniem bij De Kindertelefoon (0800 0432, gratis). Zeg dat ze "
              "ook later nog kunnen komen.")
    para(doc, "Ziet een leerling er erg van op, of vertelt een leerling iets nieuws? Praat na "
              "de les even apart en geef het dezelfde dag door aan {{ contact.name }}, "
              "{{ contact.role }}. Vraag nooit om het beeld te zien.")
    doc.add_heading("Je eigen oordeel", level=2)
    para(doc, "Deze opzet is een hulpmiddel, geen voorschrift. Merk je dat de {{ term.klas }} "
              "iets anders nodig heeft, volg dan je eigen oordeel en overleg met de "
              "{{ term.zorg }}.")
    doc.add_heading("Lesmateriaal", level=2)
    para(doc, "Voor een vervolgles kun je dit materiaal gebruiken:")
    loop(doc, "h in hulp if 'lesmateriaal' in h.wat", HELP_LINE)
    finish(doc, path)


def sign_off(doc, greeting: str = "Met vriendelijke groet,") -> None:  # type: ignore[no-untyped-def]
    p = para(doc, greeting)
    p.paragraph_format.space_after = docx_pt(14)
    for text in ("{{ school.head.name }}", "{{ school.head.role }}", "{{ school.name }}"):
        p = para(doc, text)
        p.paragraph_format.space_after = 0


def brief_andere_school(path: Path) -> None:
    doc = letter_document()
    letterhead(doc)
    para(doc, "{{ school.place }}, {{ today }}")
    p = para(doc, "afstemming over een beeld dat onder leerlingen is gedeeld",
             bold_prefix="Betreft: ")
    p.paragraph_format.space_after = docx_pt(12)
    para(doc, "Aan de schoolleiding,")
    para(doc, "Op {{ reported_date }} hoorden wij dat er onder leerlingen een seksueel getint "
              "beeld{% if pupil_visible %} van een leerling van onze school{% endif %} wordt "
              "gedeeld. Voor zover wij weten, is het beeld ook bij leerlingen van andere "
              "scholen terechtgekomen, mogelijk ook bij leerlingen van uw school. Daarom nemen "
              "wij contact met u op.")
    para(doc, "In deze brief noemen wij geen namen van leerlingen. Als dat voor de aanpak nodig "
              "is, geven wij die telefonisch aan uw contactpersoon.")
    doc.add_heading("Wat wij u vragen", level=2)
    bullets(doc, [
        "Noem ons één contactpersoon op uw school voor deze zaak.",
        "Laten wij de brieven aan ouders op elkaar afstemmen: dezelfde boodschap en hetzelfde "
        "moment van versturen, zodat er geen verschillende verhalen rondgaan.",
        "Vraag uw leerlingen het beeld niet te bekijken, niet door te sturen en direct te "
        "verwijderen, ook uit chats, back-ups en de cloud. Bekijk of bewaar het zelf ook niet.",
        "Verwijs vragen van journalisten naar uw eigen woordvoerder; wij doen hetzelfde.",
    ])
    para(doc, "Wij sturen u graag ons communicatiestatement, zodat u dezelfde woorden kunt "
              "gebruiken.{% if 'online' in audiences and school.website %} Het openbare deel "
              "staat op {{ school.website }}.{% endif %}")
    doc.add_heading("Contact", level=2)
    para(doc, "Onze contactpersoon is {{ contact.name }}, {{ contact.role }}, via "
              "{{ contact_phone }} of {{ contact_email }}. Wilt u contact opnemen zodra u "
              "een contactpersoon hebt? Dan stemmen wij de brieven aan ouders samen af.")
    sign_off(doc)
    finish(doc, path)


def verwijderbericht_leerlingen(path: Path) -> None:
    doc = short_document(
        "{{ school.name }} · om voor te lezen of in de {{ term.klas }} te delen",
        "Verwijder het beeld", "{{ school.name }} · {{ statement_date }} · voor de leerlingen",
        "Lees dit voor in je {{ term.klas }} of deel het als bericht. Noem geen namen en zeg "
        "niets over wat er op het beeld staat.", size=11)
    doc.add_heading("Om voor te lezen of te delen", level=2)
    para(doc, "Er gaat een beeld rond dat nooit doorgestuurd had mogen worden.{% if not "
              "pupil_visible %} Er staat geen leerling van onze school op.{% endif %} We vragen "
              "jullie allemaal om mee te helpen dat het stopt.")
    bullets(doc, [
        "Heb je het gekregen? Verwijder het nu van je telefoon, tablet en computer.",
        "Verwijder het ook uit alle chats en groepsapps, uit de cloud en uit back-ups.",
        "Leeg de prullenbak en de map “onlangs verwijderd”, en verwijder screenshots.",
        "Stuur het nooit door, ook niet om het te melden of om het aan de school te laten zien.",
        "{% if school_type == 'vo' %}Bekijken, bewaren en doorsturen is strafbaar, ook voor "
        "jongeren.{% else %}Doorsturen mag niet en doet iemand veel pijn.{% endif %}",
        "Weet je dat het nog ergens staat? Vertel het aan je {{ term.mentor }}, zonder het te "
        "laten zien.",
    ])
    para(doc, "Wie het beeld verwijdert en niet doorstuurt, helpt. Dank je wel.")
    finish(doc, path)


def verwijderverzoek_platform(path: Path) -> None:
    doc = letter_document()
    letterhead(doc)
    para(doc, "{{ school.place }}, {{ today }}")
    p = para(doc, "verzoek om een beeld te verwijderen", bold_prefix="Betreft: ")
    p.paragraph_format.space_after = docx_pt(12)
    para(doc, "Gebruik deze tekst in het meldformulier of de e-mail van het platform of de "
              "website. Vul het webadres in. Voeg het beeld nooit toe en beschrijf het niet.",
         italic=True)
    doc.add_heading("Verzoek om verwijdering", level=2)
    para(doc, "Geachte heer, mevrouw,")
    para(doc, "Op uw platform staat een seksueel getint beeld{% if pupil_visible %} van een "
              "minderjarige leerling van onze school{% else %} dat onder leerlingen van onze "
              "school wordt gedeeld{% endif %}. Het is zonder toestemming verspreid. Wij "
              "verzoeken u het beeld direct te verwijderen, ook alle kopieën, en verdere "
              "verspreiding te voorkomen.")
    para(doc, "Webadres: ……………………………………………")
    para(doc, "{%p if 'meldpunt' in reporting or 'helpwanted' in reporting %}")
    para(doc, "{% if 'meldpunt' in reporting %}Het beeld is gemeld bij Meldpunt Kinderporno "
              "(Offlimits). {% endif %}{% if 'helpwanted' in reporting %}Helpwanted (Offlimits) "
              "helpt ons bij het verwijderen.{% endif %}")
    para(doc, "{%p endif %}")
    para(doc, "Wij sturen het beeld niet mee en beschrijven het niet. Wilt u bevestigen dat het "
              "is verwijderd? Contact: {{ spokesperson.name }}, {{ spokesperson.role }}, "
              "{{ spokesperson_phone }}{% if spokesperson_email %}, {{ spokesperson_email }}"
              "{% endif %}.")
    sign_off(doc)
    finish(doc, path)


def uitnodiging_ouderavond(path: Path) -> None:
    doc = letter_document()
    letter_opening(doc, "uitnodiging voor een ouderavond over online veiligheid")
    para(doc, "Graag nodigen wij u uit voor een ouderavond over online veiligheid en het delen "
              "van beelden. Op de avond hoort u hoe u met uw kind kunt praten en wat de school "
              "doet.")
    # Paragraphs, not a table: the plain-text twin pasted into the school app keeps them.
    for label, value in (
        ("Datum", "{{ evening_date.weekday }}"),
        ("Tijd", "{{ evening_time }} uur"),
        ("Plaats", "{{ evening_place }}"),
        ("Sprekers", "{% if evening_speakers %}{{ evening_speakers }}{% else %}"
                     "{{ school.head.name }}, {{ school.head.role }}{% endif %}"),
    ):
        p = para(doc, value, bold_prefix=label + ": ")
        p.paragraph_format.space_after = 0
    doc.add_heading("Waar gaat de avond over?", level=2)
    bullets(doc, [
        "Hoe u met uw kind praat over online veiligheid, toestemming en het delen van beelden.",
        "Wat u doet als uw kind een beeld krijgt of onder druk wordt gezet.",
        "Wat de school doet, en waar u en uw kind hulp vinden.",
    ])
    doc.add_heading("Waar gaat de avond niet over?", level=2)
    para(doc, "Wij bespreken geen leerlingen en geen details van wat er is gebeurd. Hebt u "
              "vragen over uw eigen kind? Neem dan contact op met {{ contact.name }}, "
              "{{ contact.role }}, via {{ contact_phone }} of {{ contact_email }}.")
    para(doc, "Wij hopen u te zien.")
    letter_closing(doc)
    finish(doc, path)


STATEMENT_PLACE = ("{% if school.website %}{{ school.website }}{% else %}de website van de "
                   "school{% endif %}")


def reacties_sociale_media(path: Path) -> None:
    doc = short_document(
        "{{ school.name }} · alleen voor wie namens de school reageert",
        "Reacties voor sociale media",
        VERSION_LINE,
        "Reageer alleen met deze zinnen, alleen vanaf het account van de school, en één "
        "keer per bericht. Herhaal nooit wat er beweerd wordt en ga niet in discussie.")
    doc.add_heading("Vaste reacties", level=2)
    for line in (
        "Dank voor uw bericht. Wat de school weet en doet, staat op " + STATEMENT_PLACE + ".",
        "Dit klopt niet. De juiste informatie vindt u op " + STATEMENT_PLACE + ".",
        "Wij begrijpen dat dit onrust geeft. Om de privacy van alle leerlingen te beschermen, "
        "reageren wij hier niet verder. Lees meer op " + STATEMENT_PLACE + ".",
        "Wij vragen iedereen het beeld niet te delen en niet te zoeken. Vragen? Neem contact "
        "op met de school via {{ contact_phone }}.",
    ):
        shaded(doc, line)
    doc.add_heading("Controlelijst", level=2)
    bullets(doc, [
        "Waar kijken: de accounts van de school, reacties onder berichten, en openbare "
        "pagina's en fora in de buurt. Twee keer per dag, tot de volgende update.",
        "Wat bewaren: een screenshot van de tekst van een kwetsend of onjuist bericht, met "
        "datum, tijd en account. Nooit van het beeld zelf.",
        "Wat melden: kwetsende berichten bij het platform; het beeld zelf, als het openbaar "
        "online staat, bij Meldpunt Kinderporno of Helpwanted. Geef nieuwe berichten door aan "
        "{{ spokesperson.name }}, {{ spokesperson.role }}.",
        "Nooit: het beeld of een bericht erover delen, liken of doorsturen, ook niet om het te "
        "melden.",
    ])
    finish(doc, path)


def kaart_receptie(path: Path) -> None:
    doc = short_document(
        "{{ school.name }} · kaart voor receptie en telefoon · niet uitdelen",
        "Kaart voor receptie en telefoon",
        VERSION_LINE + ", {{ statement_time }} uur")
    doc.add_heading("Wat we zeggen", level=2)
    shaded(doc, "Er gaat onder leerlingen een beeld rond.{% if not pupil_visible %} Er staat "
                "geen leerling van onze school op.{% endif %} De school neemt dit serieus en doet "
                "er alles aan om verdere verspreiding te stoppen. Om de privacy van alle "
                "leerlingen te beschermen, kan ik er verder niets over zeggen. Ik verbind u door "
                "met iemand die u verder kan helpen.")
    doc.add_heading("Wat we niet zeggen", level=2)
    bullets(doc, [
        "Geen namen, niet om welke {{ term.klas }} het gaat en niets over wat er op het beeld "
        "staat.",
        "Geen vermoedens over wie het heeft gemaakt of verspreid, en niets over maatregelen.",
        "Niets over de politie{% if 'police' in approvals %} behalve wat in het statement "
        "staat{% endif %}.",
        "Nooit “geen commentaar”: zeg wat hierboven staat en verbind door.",
    ])
    doc.add_heading("Naar wie verbinden we door?", level=2)
    table(doc, [
        ("Ouders met vragen of zorgen", "{{ contact.name }}, {{ contact.role }}, "
                                        "{{ contact_phone }}"),
        ("Journalisten", "{{ spokesperson.name }}, {{ spokesperson.role }}, "
                         "{{ spokesperson_phone }}; zelf geen informatie geven"),
        ("Leerlingen", "hun {{ term.mentor }} of de {{ term.zorg }}"),
        ("Bereikbaar", "{% if desk_hours %}{{ desk_hours }}{% else %}tijdens schooltijd"
                       "{% endif %}"),
        ("Niet bereikbaar?", "Noteer naam, nummer en tijd (geen verhaal) en zeg dat er vandaag "
                             "wordt teruggebeld."),
        ("Volgende update", "{{ next_update_date.weekday }}, {{ next_update_time }} uur"),
    ])
    para(doc, "Komt er een journalist of cameraploeg aan de balie of het hek? Blijf vriendelijk, "
              "laat niemand binnen zonder afspraak en bel {{ spokesperson.name }}.")
    finish(doc, path)


# --- The incident over time: update letters, timeline, evaluation --------------------------
# An update letter says only what is new since the previous version and what it means for the
# reader (update.nieuw, update.betekenis: vetted sentences from snippets/nl/updates.yaml). Its
# own sentences name its number (update.nummer: the update letters this audience got, this one
# included) or the date of the last letter, so that no sentence of an earlier document or update
# comes back.

NEXT_AFTER = ("De {{ update.volgende }} update volgt op {{ next_update_date.weekday }} om "
              "{{ next_update_time }} uur, of eerder als dat nodig is.")


def update_sections(doc, meaning: str, news: bool = True,  # type: ignore[no-untyped-def]
                    style: str | None = "List Bullet") -> None:
    """What is new (with the officer's own text where it feeds the letter), then what it
    means for the reader."""
    doc.add_heading("Wat is er nieuw?", level=2)
    loop(doc, "zin in update.nieuw", "{{ zin }}", style=style)
    if news:
        optional(doc, "update_news")
    para(doc, "{%p if update.betekenis %}")
    doc.add_heading(meaning, level=2)
    para(doc, "{%p endif %}")
    loop(doc, "zin in update.betekenis", "{{ zin }}", style=style)


def update_parents(path: Path) -> None:
    doc = letter_document()
    letter_opening(doc, "update {{ update.nummer }} over het beeld dat onder leerlingen is "
                        "gedeeld")
    para(doc, "In deze {{ update.rangwoord }} update leest u alleen wat er nieuw is sinds ons "
              "bericht van {{ update.previous_date }}.")
    update_sections(doc, "Wat betekent dit voor u?")
    doc.add_heading("Vragen", level=2)
    para(doc, "Vragen over deze {{ update.rangwoord }} update kunt u stellen aan "
              "{{ contact.name }}, {{ contact.role }}, via {{ contact_phone }} of "
              "{{ contact_email }}.")
    para(doc, NEXT_AFTER)
    letter_closing(doc)
    finish(doc, path)


def update_press(path: Path) -> None:
    doc = letter_document()
    letterhead(doc)
    doc.add_paragraph("Aanvulling op de verklaring van {{ school.name }}", style="Title")
    doc.styles["Title"].font.size = docx_pt(17)
    para(doc, "{{ school.place }}, {{ statement_date }}, {{ statement_time }} uur",
         style="Subtitle")
    para(doc, "Dit is de {{ update.rangwoord }} aanvulling op de verklaring van "
              "{{ school.name }}; "
              "het vorige bericht aan de pers was van {{ update.previous_date }}, "
              "{{ update.previous_time }} uur.")
    loop(doc, "zin in update.nieuw", "{{ zin }}", style=None)
    loop(doc, "zin in update.betekenis", "{{ zin }}", style=None)
    doc.add_heading("Contact voor de pers", level=2)
    para(doc, "Vragen over deze {{ update.rangwoord }} aanvulling beantwoordt "
              "{{ spokesperson.name }}, {{ spokesperson.role }}, via {{ spokesperson_phone }}"
              "{% if spokesperson_email %} of {{ spokesperson_email }}{% endif %}.")
    para(doc, NEXT_AFTER.replace("update volgt", "aanvulling volgt"))  # the press's own word
    finish(doc, path)


def update_team(path: Path) -> None:
    doc = short_document("{{ school.name }} · alleen voor het team, niet doorsturen",
                         "Update {{ update.nummer }} voor het team",
                         "{{ school.name }} · {{ statement_date }}, {{ statement_time }} uur")
    para(doc, "In deze {{ update.rangwoord }} update lees je alleen wat er nieuw is sinds het "
              "bericht van {{ update.previous_date }}; de rest van de handreiking blijft "
              "gelden.", italic=True)
    update_sections(doc, "Wat betekent dit voor jou?")
    doc.add_heading("Vragen en steun", level=2)
    para(doc, "Met vragen over deze {{ update.rangwoord }} update kun je terecht bij "
              "{{ contact.name }}, {{ contact.role }}.")
    para(doc, NEXT_AFTER)
    finish(doc, path)


def update_intern(path: Path) -> None:
    doc = short_document("{{ school.name }} · vertrouwelijk, alleen voor het crisisteam",
                         "Update {{ update.nummer }} van het communicatiestatement",
                         VERSION_LINE + ", {{ statement_time }} uur")
    table(doc, [
        ("Vorige versie", "versie {{ update.previous }} van {{ update.previous_date }}, "
                          "{{ update.previous_time }} uur"),
        ("Goedgekeurd door", "{% if approvals %}{{ label.approvals|opsomming }}{% else %}nog "
                             "niemand{% endif %}{% if approved_by %} ({{ approved_by }})"
                             "{% endif %}"),
        ("Updatebrief naar", "{% if update.ontvangers %}{{ update.ontvangers|opsomming }}"
                             "{% else %}alleen het crisisteam{% endif %}"),
        ("Geen update voor", "{% if update.niet %}{{ update.niet|opsomming }}: de wijziging "
                             "gaat hen niet aan of mag hen nog niet bereiken{% else %}niemand"
                             "{% endif %}"),
        ("Volgende update", "{{ next_update_date.weekday }}, {{ next_update_time }} uur"),
    ])
    update_sections(doc, "Wat betekent dit voor het crisisteam?")
    para(doc, "De volledige documenten van versie {{ statement_version }} zijn in dezelfde map "
              "gemaakt; stuur ze alleen naar wie ze nodig heeft.", italic=True)
    finish(doc, path)


def timeline_versions(doc, level: int = 2) -> None:  # type: ignore[no-untyped-def]
    """Each version: when, what changed, who approved it, which documents went to whom."""
    para(doc, "{%p for v in history.versions %}")
    doc.add_paragraph("Versie {{ v.nummer }} · {{ v.moment }}", style=f"Heading {level}")
    para(doc, "{{ v.goedkeuring }}", bold_prefix="Goedgekeurd door: ")
    para(doc, "{%p if v.wijzigingen %}")
    para(doc, "Wat veranderde:", italic=True)
    para(doc, "{%p endif %}")
    loop(doc, "w in v.wijzigingen", "{{ w }}")
    para(doc, "{%p for n in v.nieuws %}")
    para(doc, "{{ n }}", italic=True)
    para(doc, "{%p endfor %}")
    para(doc, "{%p if v.documenten %}")
    para(doc, "Verstuurd:", italic=True)
    para(doc, "{%p endif %}")
    loop(doc, "d in v.documenten", "{{ d }}")
    para(doc, "{%p if v.map %}")
    para(doc, "{{ v.map }}", bold_prefix="Alle documenten van deze versie: ")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")


def tijdlijn(path: Path) -> None:
    doc = short_document("{{ school.name }} · vertrouwelijk, voor het crisisdossier",
                         "Tijdlijn van de communicatie",
                         "{{ school.name }} · gemeld op {{ history.incident }} · gemaakt op "
                         "{{ today }}",
                         "Elke versie van het communicatiestatement: wanneer, wat er veranderde, "
                         "wie goedkeurde en welke documenten naar wie gingen. Zonder namen van "
                         "leerlingen.")
    timeline_versions(doc)
    finish(doc, path)


def evaluatie(path: Path) -> None:
    doc = short_document("{{ school.name }} · vertrouwelijk, alleen voor het ZAT-overleg",
                         "Evaluatie voor het ZAT-overleg",
                         "{{ school.name }} · gemeld op {{ history.incident }} · voorbereid op "
                         "{{ today }}",
                         "Stap 6 van het protocol: evalueren met alle betrokkenen, nazorg "
                         "plannen en de lessen verwerken in het protocol en de preventie. Noem "
                         "in dit verslag geen namen van leerlingen; schrijf “de leerling”.")
    doc.add_heading("Verloop van de communicatie", level=1)
    timeline_versions(doc)
    doc.add_heading("Evaluatie", level=1)
    para(doc, "{%p for g in history.gesprekken %}")
    doc.add_paragraph("{{ g.titel }}", style="Heading 2")
    loop(doc, "vraag in g.vragen", "{{ vraag }}")
    para(doc, "Aantekeningen:", italic=True)
    para(doc, "{%p endfor %}")
    doc.add_heading("Nazorg", level=1)
    para(doc, "Plan deze momenten in voor alle betrokkenen. Ze staan ook in nazorg.ics, om in de "
              "agenda van de coördinator te zetten. Een moment dat in een weekend of op een "
              "feestdag viel, staat op de eerstvolgende werkdag; valt het in een schoolvakantie, "
              "verschuif het dan in de agenda.")
    loop(doc, "m in history.nazorg", "{{ m.datum }} ({{ m.wanneer }}): {{ m.titel }}. "
                                     "{{ m.vragen }} Wie: {{ m.wie }}.")
    finish(doc, path)


TEMPLATES = {
    "nl/communicatiestatement.docx": communicatiestatement,
    "nl/communicatiestatement-website.docx": lambda path: communicatiestatement(path, True),
    "nl/brief-ouders-klas.docx": brief_ouders_klas,
    "nl/brief-ouders-andere-klassen.docx": brief_ouders_overig,
    "nl/persverklaring.docx": persverklaring,
    "nl/handreiking-team.docx": handreiking_team,
    "nl/boodschap-leerlingen.docx": boodschap_leerlingen,
    "nl/lesopzet-klassengesprek.docx": lesopzet_klassengesprek,
    "nl/brief-andere-school.docx": brief_andere_school,
    "nl/verwijderbericht-leerlingen.docx": verwijderbericht_leerlingen,
    "nl/verwijderverzoek-platform.docx": verwijderverzoek_platform,
    "nl/uitnodiging-ouderavond.docx": uitnodiging_ouderavond,
    "nl/reacties-sociale-media.docx": reacties_sociale_media,
    "nl/kaart-receptie.docx": kaart_receptie,
    "nl/update-intern.docx": update_intern,
    "nl/update-ouders-klas.docx": update_parents,
    "nl/update-ouders-andere-klassen.docx": update_parents,
    "nl/update-pers.docx": update_press,
    "nl/update-team.docx": update_team,
    "nl/tijdlijn.docx": tijdlijn,
    "nl/evaluatie.docx": evaluatie,
}


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
