"""The web application of ``commgen web`` (Starlette) and the server it runs on (uvicorn).

Safe by default, for one user on this computer:
- the server listens on 127.0.0.1 only; the Host header must be ``127.0.0.1:PORT`` or
  ``localhost:PORT`` (a DNS-rebinding page cannot reach it under another name);
- the first request brings a per-run secret (``/start?t=...``), which is exchanged for a
  session cookie (HttpOnly, SameSite=Strict); a request without that cookie is refused. The
  link printed in the terminal stays valid while this server runs, from this computer only
  (a request from another address than the loopback is refused), so another browser, a new
  browser profile or a browser opened again gets in with it; the link commgen opens the
  browser with is another, one-use token (its address is passed to the browser on the
  command line, which other users of the computer may see). The cookie outlives a closed
  browser (``SESSION_HOURS``); every secret is worth nothing once this server stops (a new
  run makes new ones);
- every POST carries the CSRF token (header ``X-CSRF-Token`` or form field ``csrf``), and a
  request with an Origin other than the server's own is refused; no CORS header is ever sent;
- every response has a strict Content-Security-Policy, ``X-Frame-Options: DENY``,
  ``nosniff``, ``Referrer-Policy: no-referrer`` and ``Cache-Control: no-store``;
- the server stops after an idle time and on Ctrl-C; the answers are saved after every change
  and once more when it stops.
"""

from __future__ import annotations

import contextlib
import errno
import secrets
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import ImmutableMultiDict
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import (
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from commgen.app.web.case import Posted, WebCase
from commgen.app.web.texts import page_texts
from commgen.foundation.errors import CommgenError, UsageError
from commgen.foundation.i18n import _, current_language
from commgen.questions.catalog import text_for

HERE = Path(__file__).resolve().parent
# How long the session cookie lives in the browser (a closed browser comes back in with it).
SESSION_HOURS = 12
COOKIE = "commgen_sessie"
CSRF_HEADER = "x-csrf-token"
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; "
                                "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


@dataclass
class Access:
    """Who may come in: the printed link's secret (valid while this server runs), the one-use
    token of the browser commgen opens, then the session and its CSRF token."""

    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    once: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    session: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    once_used: bool = False
    last_seen: float = field(default_factory=time.monotonic)
    idle_seconds: float = 3600.0  # set by ``serve``: how long without use before it stops

    @property
    def hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    def start_url(self) -> str:
        """The link printed in the terminal: valid while this server runs."""
        return f"http://127.0.0.1:{self.port}/start?t={self.token}"

    def browser_url(self) -> str:
        """The link the browser is opened with: it works once (its address can be seen by
        other users of this computer while the browser starts)."""
        return f"http://127.0.0.1:{self.port}/start?t={self.once}"

    def take_token(self, given: str) -> bool:
        """True for the printed link's secret, and once for the browser's token."""
        if secrets.compare_digest(given.encode(), self.token.encode()):
            return True
        if self.once_used or not secrets.compare_digest(given.encode(), self.once.encode()):
            return False
        self.once_used = True
        return True

    def used(self) -> None:
        """A request of the user: the idle time starts again."""
        self.last_seen = time.monotonic()

    def remaining(self) -> float:
        """Seconds until the server stops for being idle."""
        return max(0.0, self.idle_seconds - (time.monotonic() - self.last_seen))


LOOPBACK = ("127.0.0.1", "::1")


_REFUSAL = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>commgen</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/static/app.css">
</head><body><header class="top"><p class="brand">commgen</p></header>
<main id="main" class="refusal"><h1>{title}</h1><p class="error" role="alert">{message}</p></main>
</body></html>"""


def _refusal(status: int, message: str) -> Response:
    """A page that says why not, in the look of the others (the style sheet needs no
    session: it holds nothing of the case)."""
    import html

    return HTMLResponse(_REFUSAL.format(lang=current_language(), title=html.escape(
        _("Not possible")), message=html.escape(message)), status_code=status)


def no_access() -> str:
    """Why not, and the way in (in the language of the moment)."""
    return _("No access from this browser. Open the link that commgen web shows in its "
             "window (the terminal): it works in every browser on this computer as long as "
             "commgen web runs. Stopped commgen web? Start it again in the same folder: it "
             "continues with your answers and shows a new link.")


class Guard(BaseHTTPMiddleware):
    """Host, session and CSRF checks before a request reaches a page; headers on the way out."""

    def __init__(self, app: Any, access: Access) -> None:
        super().__init__(app)
        self.access = access

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await self.refuse(request) or await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers[name] = value
        return response

    async def refuse(self, request: Request) -> Response | None:
        access = self.access
        if request.headers.get("host", "") not in access.hosts:
            return _refusal(400, _("commgen web answers only on this computer, at "
                                   "127.0.0.1:{port}.").format(port=access.port))
        origin = request.headers.get("origin")
        # "null": the browser's own form post under Referrer-Policy no-referrer
        if origin not in (None, "null") and origin not in {f"http://{h}" for h in access.hosts}:
            return _refusal(403, _("Refused: this request comes from another web site."))
        if request.client is None or request.client.host not in LOOPBACK:
            return _refusal(403, _("commgen web answers only on this computer, at "
                                   "127.0.0.1:{port}.").format(port=access.port))
        if request.url.path != "/api/puls":  # an open page saying it is there is no use
            access.used()
        if request.url.path == "/start" or (request.method == "GET" and
                                            request.url.path == "/static/app.css"):
            return None
        cookie = request.cookies.get(COOKIE, "")
        if not secrets.compare_digest(cookie.encode(), access.session.encode()):
            return _refusal(403, no_access())
        if request.method not in ("GET", "HEAD"):
            given = request.headers.get(CSRF_HEADER, "") or str(
                (await read_form(request)).get("csrf") or "")
            if not given or not secrets.compare_digest(given.encode(), access.csrf.encode()):
                return _refusal(403, _("Refused: the form is missing its security token. "
                                       "Reload the page and try again."))
        return None


MAX_FORM = 8 * 1024 * 1024  # a form of the interview is a few kilobytes; a logo a few MB


async def read_form(request: Request) -> ImmutableMultiDict:
    """The fields of a form post (``application/x-www-form-urlencoded``, as the pages send
    it); empty for any other body. Read once: the guard's request and the page's share their
    scope, and the fields are kept in its state."""
    from urllib.parse import parse_qsl

    kept = getattr(request.state, "form", None)  # read by the guard already (same scope)
    if kept is not None:
        return kept
    kind = request.headers.get("content-type", "")
    if not kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return ImmutableMultiDict()
    body = await request.body()
    if len(body) > MAX_FORM:
        return ImmutableMultiDict()
    if kind.startswith("multipart/form-data"):
        form = ImmutableMultiDict(multipart_fields(kind, body))
    else:
        form = ImmutableMultiDict(parse_qsl(body.decode("utf-8", "replace"),
                                            keep_blank_values=True))
    request.state.form = form  # the page's own request reads it from here
    return form


def multipart_fields(kind: str, body: bytes) -> list[tuple[str, str]]:
    """The fields of a form posted as ``multipart/form-data`` (a step with a file to choose,
    without JavaScript): a file field ``F`` as ``F.file`` (its name) and ``F.data`` (base64),
    as the script sends it."""
    import base64
    from email import message_from_bytes
    from email.policy import HTTP

    message = message_from_bytes(f"Content-Type: {kind}\r\n\r\n".encode("latin-1") + body,
                                 policy=HTTP)
    fields: list[tuple[str, str]] = []
    for part in message.iter_parts() if message.is_multipart() else []:
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        data = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        if filename is None:
            fields.append((name, data.decode("utf-8", "replace")))
        elif data:
            fields += [(f"{name}.file", filename), (f"{name}.data", base64.b64encode(data)
                                                    .decode("ascii"))]
    return fields


class Pages:
    """The pages and the calls the pages make, over one ``WebCase``."""

    def __init__(self, case: WebCase, access: Access) -> None:
        self.case = case
        self.access = access
        self.lock = threading.Lock()  # one change at a time
        self.env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                               autoescape=select_autoescape(default=True, default_for_string=True),
                               trim_blocks=True, lstrip_blocks=True)

    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        steps = self.case.steps()
        open_steps = {q.section for q in self.case.interview.open_questions() if q.required}
        html = self.env.get_template(name).render(open_steps=open_steps,
            t=page_texts(self.case.draft.path.resolve()), lang=current_language(),
            csrf=self.access.csrf, steps=steps,
            answers_path=str(self.case.draft.path.resolve()), **context)
        return HTMLResponse(html, status_code=status)

    # -- entry -------------------------------------------------------------------------------
    async def start(self, request: Request) -> Response:
        cookie = request.cookies.get(COOKIE, "")
        if secrets.compare_digest(cookie.encode(), self.access.session.encode()):
            return RedirectResponse("/", status_code=303)  # the link again, in this browser
        if not self.access.take_token(request.query_params.get("t", "")):
            return _refusal(403, no_access())
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, self.access.session, httponly=True, samesite="strict",
                            path="/", max_age=SESSION_HOURS * 3600)
        return response

    async def home(self, request: Request) -> Response:
        step = self.case.current_step()
        return RedirectResponse(f"/stap/{step}" if step else "/controle", status_code=303)

    async def step(self, request: Request) -> Response:
        section = request.path_params["section"]
        ids = [s for s, _title in self.case.steps()]
        if section not in ids:
            return _refusal(404, _("Unknown step."))
        if request.method == "POST":
            return await self.step_posted(request, section, ids)
        with self.lock:
            return self.step_page(section, ids)

    def step_page(self, section: str, ids: list[str], errors: dict[str, str] | None = None,
                  problem: str | None = None, form: Any = None) -> HTMLResponse:
        """The page of one step; after a post that was not kept whole, with the messages and
        what was typed (``form``) in the fields whose answer was refused."""
        index = ids.index(section)
        fields = self.case.fields(section)
        errors = errors or {}
        for item in fields:
            if item.question.id in errors and form is not None:
                posted = Posted(form, item.question.id)
                item.text = str(posted.get("value") or "")
                item.person = (str(posted.get("name") or ""), str(posted.get("role") or ""))
        state = self.case.state(section)
        return self.page("step.html", section=section, index=index, fields=fields,
                         marks=state["marks"], todo=state["todo"], errors=errors,
                         todo_here=state["todo_here"], given=state["given"],
                         todo_link=state["todo_link"] or "/controle",
                         waiting=self.case.waiting(section),
                         school_type=self.case.interview.values().get("school_type"),
                         in_documents=self.case.documents_found(section),
                         marked_here={q for q, m in state["marks"].items() if m["segments"]},
                         problem=problem,
                         previous=ids[index - 1] if index else None,
                         next=ids[index + 1] if index + 1 < len(ids) else None)

    async def step_posted(self, request: Request, section: str, ids: list[str]) -> Response:
        """A whole step posted as a form (without JavaScript, and on the way to another step):
        every answer kept, then a suggestion taken, a reason kept or the names forgotten as the
        button asked; then on to where the button goes, or the step again with what is wrong."""
        form = await read_form(request)
        go, here = str(form.get("go") or "save"), None
        with self.lock:
            try:
                errors = self.case.answer_step(section, form,
                                               leaving=go in ("next", "previous"))
                if not errors:
                    here, error = self.case.button(form)
                    if error and here:
                        errors[here] = error
            except (ValueError, CommgenError) as exc:
                message = exc.message if isinstance(exc, CommgenError) else _(
                    "Refused: the request is not complete.")
                return self.step_page(section, ids, problem=message)
            problem = self.case.save_problem()
            if errors or problem:
                return self.step_page(section, ids, errors, problem, form)
        index = ids.index(section)
        if go == "next" and not here:  # a pupil's name in an answer here: it is fixed here
            here = self.case.guarded_on(section)
        if here or go == "save":
            target = f"/stap/{section}" + (f"#vraag-{here}" if here else "")
        elif go == "previous" and index:
            target = f"/stap/{ids[index - 1]}"
        elif go == "next":
            target = f"/stap/{ids[index + 1]}" if index + 1 < len(ids) else "/controle"
        else:
            target = f"/stap/{section}"
        return RedirectResponse(target, status_code=303)

    # -- changes (JSON) ----------------------------------------------------------------------
    async def _change(self, request: Request, action: str) -> Response:
        form = await read_form(request)
        question = str(form.get("q") or "")
        section = str(form.get("step") or "") or None
        try:
            with self.lock:
                if action == "answer":
                    error = self.case.answer(question, form)
                elif action == "fix":
                    error = self.case.take_suggestion(question, int(str(form.get("n") or -1)))
                else:
                    error = self.case.keep_with_reason(question, str(form.get("reason") or ""))
                error = error or self.case.save_problem()
                state = self.case.state(section)
                text = None
                if action == "fix" and error is None:
                    q = self.case.question(question)
                    text = self.case.answer_as_text(q, self.case.interview.current(q))
        except ValueError:
            return JSONResponse({"error": _("Refused: the request is not complete.")},
                                status_code=400)
        except CommgenError as exc:
            return JSONResponse({"error": exc.message}, status_code=400)
        return JSONResponse({"error": error, "text": text, **state})

    async def pulse(self, request: Request) -> Response:
        """An open page says it is there (every half minute), and whether the user did
        something in it since (``active``: typed, clicked, scrolled): only that counts as
        use. The answer says how long until commgen stops for being idle, so that the page
        warns some minutes before (``warn``) and says the answers are saved."""
        if str((await read_form(request)).get("active") or "") == "1":
            self.access.used()
        return JSONResponse({"remaining": round(self.access.remaining()),
                             "warn": warn_seconds(self.access.idle_seconds)})

    async def answer(self, request: Request) -> Response:
        return await self._change(request, "answer")

    async def fix(self, request: Request) -> Response:
        return await self._change(request, "fix")

    async def keep(self, request: Request) -> Response:
        return await self._change(request, "keep")

    # -- preview and documents ---------------------------------------------------------------
    async def preview(self, request: Request) -> Response:
        try:
            with self.lock:
                preview = self.case.preview()
        except CommgenError as exc:
            return self.page("preview.html", preview=None, error=exc.message)
        return self.page("preview.html", preview=preview, error=None,
                         made=request.query_params.get("gemaakt") == "1",
                         folder=str(self.case.out_dir.resolve()), soffice=_soffice())

    async def generate(self, request: Request) -> Response:
        """Make all documents; with ``reason`` (the check page's form for what no answer
        holds: a sentence of a document itself), despite those findings, as ``commgen
        generate --accept-findings`` does (the reason recorded in the documents)."""
        reason = str((await read_form(request)).get("reason") or "").strip() or None
        try:
            with self.lock:
                result = self.case.generate(reason)
        except CommgenError as exc:
            return self.page("preview.html", preview=None, error=exc.message, status=400)
        if result.blocked:
            return RedirectResponse("/controle?gemaakt=1", status_code=303)
        return RedirectResponse("/klaar", status_code=303)

    async def done(self, request: Request) -> Response:
        if not self.case.written:
            return RedirectResponse("/controle", status_code=303)
        case = self.case
        plain = [(name, path.read_text(encoding="utf-8"), case.sending.get(name, ""),
                  case.subjects.get(name, ""))
                 for name, path in case.written.items() if name.endswith(".txt")]
        return self.page("done.html", written=list(case.written),
                         sent=[p for p in plain if p[2]], other=[p for p in plain if not p[2]],
                         channel=case.channel, titles=case.titles, kept_apart=case.kept_apart,
                         zip_name=case.zip_name(), folder=str(case.out_dir.resolve()),
                         made_at=case.made_at.strftime("%H:%M") if case.made_at else "")

    async def download(self, request: Request) -> Response:
        name = request.path_params["name"]
        path = self.case.written.get(name)
        if path is None:
            return _refusal(404, _("Unknown document."))
        kind = ("text/plain; charset=utf-8" if name.endswith(".txt") else
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        return Response(path.read_bytes(), media_type=kind, headers={
            "Content-Disposition": _attachment(name)})

    async def zipped(self, request: Request) -> Response:
        if not self.case.written:
            return _refusal(404, _("Make the documents first."))
        return Response(self.case.zipped(), media_type="application/zip",
                        headers={"Content-Disposition": _attachment(self.case.zip_name())})

    async def pages(self, request: Request) -> Response:
        """The pages of one document as PNG images (LibreOffice and pdftoppm)."""
        doc_id = request.path_params["doc"]
        try:
            title = text_for(self.case.catalog.document(doc_id).title, current_language())
            with self.lock:
                images = page_images(self.case, doc_id)
        except (KeyError, CommgenError):
            return _refusal(404, _("Unknown document."))
        if images is None:
            return _refusal(404, _("Page images need LibreOffice, which is not installed on "
                                   "this computer; the text preview above shows every word."))
        return self.page("pages.html", doc_id=doc_id, title=title, images=images)


def warn_seconds(idle_seconds: float) -> int:
    """How long before an idle stop the page warns: five minutes, less for a short ``--idle``."""
    return round(min(300.0, idle_seconds / 2))


def _attachment(name: str) -> str:
    from urllib.parse import quote

    ascii_name = name.encode("ascii", "replace").decode().replace('"', "")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def _soffice() -> bool:
    import shutil

    return bool(shutil.which("soffice") and shutil.which("pdftoppm"))


def page_images(case: WebCase, doc_id: str) -> list[str] | None:
    """Every page of a document rendered now, as data: URLs of PNG images; None without
    LibreOffice."""
    import base64
    import subprocess
    import tempfile

    from commgen.app.generate import render_set
    from commgen.render.pdf import pdf_bytes

    if not _soffice():
        return None
    rendered, _result = render_set(case.catalog, case.saved_answers(), [doc_id])
    if not rendered:  # not needed with these answers
        raise KeyError(doc_id)
    with tempfile.TemporaryDirectory(prefix="commgen-web-") as folder:
        docx = Path(folder) / f"{doc_id}.docx"
        docx.write_bytes(rendered[0][1].data)
        pdf = Path(folder) / f"{doc_id}.pdf"
        pdf.write_bytes(pdf_bytes([docx])[docx])
        subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(Path(folder) / "p")],
                       check=True, capture_output=True, timeout=120)
        return ["data:image/png;base64," + base64.b64encode(p.read_bytes()).decode()
                for p in sorted(Path(folder).glob("p*.png"))]


def make_app(case: WebCase, access: Access) -> Starlette:
    pages = Pages(case, access)
    routes = [
        Route("/start", pages.start),
        Route("/", pages.home),
        Route("/stap/{section}", pages.step, methods=["GET", "POST"]),
        Route("/api/antwoord", pages.answer, methods=["POST"]),
        Route("/api/puls", pages.pulse, methods=["POST"]),
        Route("/api/suggestie", pages.fix, methods=["POST"]),
        Route("/api/houden", pages.keep, methods=["POST"]),
        Route("/controle", pages.preview),
        Route("/maken", pages.generate, methods=["POST"]),
        Route("/klaar", pages.done),
        Route("/download/{name}", pages.download),
        Route("/documenten.zip", pages.zipped),
        Route("/paginas/{doc}", pages.pages),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    return Starlette(routes=routes, middleware=[Middleware(Guard, access=access)])


POST_ROUTES = ("/api/antwoord", "/api/suggestie", "/api/houden", "/maken", "/stap/school",
               "/api/puls")


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 (port 0: a free one), or a clear message."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        sock.close()
        if exc.errno in (errno.EADDRINUSE, errno.EACCES, 10048, 10013):
            raise UsageError(_("Port {port} is already in use by another program. Choose "
                               "another with --port, or leave --port out and commgen picks a "
                               "free one.").format(port=port)) from None
        raise UsageError(_("commgen web cannot listen on 127.0.0.1:{port} ({detail}).").format(
            port=port, detail=exc.strerror or exc)) from None
    sock.listen(16)
    return sock


def serve(case: WebCase, sock: socket.socket, access: Access, idle_minutes: float,
          stop: threading.Event | None = None) -> bool:
    """Run until Ctrl-C, the idle time or ``stop``; True when it stopped for being idle."""
    import uvicorn

    config = uvicorn.Config(make_app(case, access), log_level="warning", access_log=False,
                            lifespan="off", server_header=False, date_header=False)
    server = uvicorn.Server(config)
    idle = threading.Event()
    access.idle_seconds = idle_minutes * 60
    access.used()

    def watch() -> None:
        while not server.should_exit:
            if stop is not None and stop.is_set():
                server.should_exit = True
                return
            if access.remaining() <= 0:
                idle.set()
                server.should_exit = True
                return
            time.sleep(0.2)

    threading.Thread(target=watch, daemon=True).start()
    with contextlib.suppress(KeyboardInterrupt), term_as_interrupt():
        server.run(sockets=[sock])  # uvicorn stops cleanly, then passes Ctrl-C on: handled here
    return idle.is_set()


@contextlib.contextmanager
def term_as_interrupt() -> Any:
    """A stop by SIGTERM (a closed terminal window, a logout) ends like Ctrl-C, so that the
    answers are saved and the file's claim is given up: uvicorn raises the signal again once
    it has stopped, and without this the process would end before either."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_number: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)
