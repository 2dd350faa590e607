/* commgen web: saves each answer as it changes, shows the privacy check's findings in the text.
   Plain JavaScript, no library, nothing loaded from elsewhere. A pupil's name typed in a
   password field is sent once and never comes back: the server answers with the mask. */
"use strict";

(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const T = JSON.parse(document.getElementById("texts").textContent);
  const form = document.getElementById("step");
  const status = document.getElementById("status");
  const step = form ? form.dataset.step : "";
  const timers = new Map();   // question id -> debounce timer
  const running = new Set();  // requests under way
  const DEBOUNCE = 500;
  const FIELD = "input:not([type=hidden]), textarea";  // the field of a question's box

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  }

  function setStatus(text, bad) {
    if (!status) return;
    if (!bad && form && form.dataset.posting) text = T.going;  // a step on its way: say so
    status.textContent = text;
    status.classList.toggle("bad", !!bad);
  }

  async function post(url, data) {
    const body = new URLSearchParams();
    body.append("step", step);
    for (const [k, v] of data) body.append(k, v);
    const request = fetch(url, {method: "POST", body, credentials: "same-origin",
                                headers: {"X-CSRF-Token": csrf}})
      .then(async (r) => {
        let json = {};
        try { json = await r.json(); } catch (e) { json = {error: r.statusText}; }
        return json;
      })
      .catch(() => ({error: T.stopped, stopped: true}));
    running.add(request);
    try { return await request; } finally { running.delete(request); }
  }

  function questionData(box) {
    const q = box.dataset.q, type = box.dataset.type, data = [["q", q]];
    if (type === "multichoice") {
      box.querySelectorAll("input[type=checkbox]:checked").forEach((i) => data.push(["value", i.value]));
    } else if (type === "choice" || type === "yesno") {
      const i = box.querySelector("input[type=radio]:checked");
      data.push(["value", i ? i.value : ""]);
    } else if (type === "person") {
      data.push(["name", box.querySelector("[data-part=name]").value]);
      data.push(["role", box.querySelector("[data-part=role]").value]);
    } else if (type === "names") {
      box.querySelectorAll("input[type=password]").forEach((i) => data.push(["value", i.value]));
    } else {
      data.push(["value", box.querySelector(FIELD).value]);
    }
    return data;
  }

  async function save(box) {
    timers.delete(box.dataset.q);
    setStatus(T.saving);
    box.dataset.sending = "1";
    const secret = [...box.querySelectorAll("input[type=password]")];
    const sent = secret.map((i) => i.value);
    let result;
    try {
      result = await post("/api/antwoord", questionData(box));
    } finally {
      delete box.dataset.sending;
    }
    if (box.dataset.type === "names" && !result.error) {
      // only the names sent: one typed while this was under way is sent next
      secret.forEach((i, n) => { if (i.value === sent[n]) i.value = ""; });
    }
    apply(result, box);
  }

  function later(box) {
    clearTimeout(timers.get(box.dataset.q));
    timers.set(box.dataset.q, setTimeout(() => save(box), DEBOUNCE));
  }

  function namesTyped(box) {
    return [...box.querySelectorAll("input[type=password]")].some((i) => i.value.trim());
  }

  function typedNames() {  // names boxes with a name typed but not sent yet
    return [...document.querySelectorAll('.question[data-type="names"]')]
      .filter((b) => !b.dataset.sending && namesTyped(b));
  }

  async function flush() {
    const waiting = typedNames().map(save);  // names are saved when the step is left, too
    for (const [q, timer] of timers) {
      clearTimeout(timer);
      const box = document.getElementById("vraag-" + q);
      if (box) waiting.push(save(box));
    }
    timers.clear();
    await Promise.all([...waiting, ...running]);
    const late = typedNames();  // typed while a save of the same box was under way
    if (late.length) await Promise.all(late.map(save));
  }

  function apply(result, box) {
    if (box) {
      const error = document.getElementById("error-" + box.dataset.q);
      if (error) {
        error.textContent = result.error || "";
        error.hidden = !result.error;
      }
      const field = box.querySelector(FIELD);
      if (field && result.error) field.setAttribute("aria-invalid", "true");
      else if (field) field.removeAttribute("aria-invalid");
    }
    if (result.stopped) {
      setStatus(T.stopped, true);  // the server is gone: say so, and how to start again
    } else if (result.error) {
      setStatus(fill(T.not_saved, {message: result.error}), true);
    } else {
      setStatus(T.saved);
    }
    if (!result.applies) return;
    for (const [q, applies] of Object.entries(result.applies)) {
      const el = document.getElementById("vraag-" + q);
      if (!el) continue;
      if (el.hidden && applies && result.fill && result.fill[q]) refill(el, result.fill[q]);
      el.hidden = !applies;
      const wrap = el.querySelector("fieldset.wrap");  // a question not shown is not posted
      if (wrap) wrap.disabled = !applies;
    }
    for (const [q, values] of Object.entries(result.offered || {})) {
      const el = document.getElementById("vraag-" + q);
      if (!el) continue;
      el.querySelectorAll(".choice").forEach((c) => {
        const offered = values.includes(c.dataset.value);
        c.hidden = !offered;
        if (!offered) c.querySelector("input").checked = false;
      });
    }
    for (const [q, marks] of Object.entries(result.marks || {})) showMarks(q, marks);
    for (const [q, text] of Object.entries(result.given || {})) {
      const el = document.getElementById("given-" + q);
      if (el) { el.textContent = text; el.hidden = false; }
      const forget = document.querySelector("#vraag-" + q + " .forget-names");
      if (forget) forget.hidden = false;
    }
    // where each free text goes, with the answers as they are now
    for (const [q, text] of Object.entries(result.appears_in || {})) {
      const el = document.getElementById("appears-" + q);
      if (el) el.textContent = text;
    }
    // what the check of the documents found in an answer: gone once the answer is changed
    if (result.documents) {
      document.querySelectorAll(".in-documents").forEach((el) => {
        if (!result.documents.includes(el.id.replace(/^documents-/, ""))) el.remove();
      });
    }
    const todo = document.getElementById("todo");
    if (todo) {
      todo.hidden = !result.todo;
      todo.innerHTML = "";
      if (result.todo) {
        const a = document.createElement("a");
        a.href = result.todo_link || "/controle";  // to the first answer with a problem
        a.className = "nav";
        let text = fill(result.todo === 1 ? T.todo_one : T.todo, {n: result.todo});
        if (result.todo_here !== result.todo) text += " " + fill(T.todo_here, {n: result.todo_here});
        a.textContent = text;
        todo.appendChild(a);
      }
    }
  }

  // A question shown again shows what is saved: its answer went when it stopped applying.
  function refill(box, fill) {
    const choices = box.querySelectorAll(".choice input");
    if (choices.length) {
      choices.forEach((i) => { i.checked = fill.chosen.includes(i.value); });
    } else {
      const field = box.querySelector(FIELD);
      if (field && field.type !== "password" && field.type !== "file") field.value = fill.text;
    }
  }

  function focusAfter(box) {
    const boxes = [...document.querySelectorAll(".question")].filter((b) => !b.hidden);
    const at = boxes.indexOf(box);
    const next = at >= 0 ? boxes.slice(at + 1).find((b) => b.querySelector(FIELD)) : null;
    const target = next ? next.querySelector(FIELD) : document.getElementById("next");
    if (target) target.focus();
  }

  function button(text, cls, onclick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.textContent = text;
    b.addEventListener("click", onclick);
    return b;
  }

  function showMarks(q, marks) {
    const box = document.getElementById("marks-" + q);
    if (!box) return;
    box.innerHTML = "";
    box.classList.remove("kept");
    if (!marks.segments.length) {
      if (marks.kept) {
        box.classList.add("kept");
        const p = document.createElement("p");
        p.textContent = fill(T.kept, {reason: marks.kept});
        box.appendChild(p);
      }
      return;
    }
    const h = document.createElement("h3");
    h.textContent = T.finding_heading;
    box.appendChild(h);
    const text = document.createElement("p");
    text.className = "marked";
    text.setAttribute("aria-label", T.marked_text);
    const list = document.createElement("ol");
    let guarded = false;
    for (const piece of marks.segments) {
      if (piece.n === undefined) {
        text.appendChild(document.createTextNode(piece.text));
        continue;
      }
      const mark = document.createElement("mark");
      mark.textContent = piece.text;
      mark.title = piece.reason;
      mark.dataset.n = piece.n;
      text.appendChild(mark);
      guarded = guarded || piece.guarded;
      const li = document.createElement("li");
      const why = document.createElement("p");
      why.textContent = "“" + piece.text + "” (" + piece.level + ", " + piece.category + "): " + piece.reason;
      li.appendChild(why);
      if (piece.suggestion) {
        li.appendChild(button(fill(T.take_suggestion, {text: piece.suggestion}), "suggestion",
          async () => {
            await flush();
            const result = await post("/api/suggestie", [["q", q], ["n", String(piece.n)]]);
            if (typeof result.text === "string") {
              const input = document.getElementById("vraag-" + q).querySelector(FIELD);
              input.value = result.text;
              input.focus();
            }
            apply(result, document.getElementById("vraag-" + q));
          }));
      }
      list.appendChild(li);
    }
    box.appendChild(text);
    box.appendChild(list);
    if (guarded) {
      const p = document.createElement("p");
      p.className = "note";
      p.textContent = T.never_kept;
      box.appendChild(p);
    } else if (marks.keepable) {
      const row = document.createElement("div");
      row.className = "reason";
      const id = "reason-" + q;
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = T.reason_label;
      const input = document.createElement("input");
      input.type = "text";
      input.id = id;
      row.appendChild(label);
      row.appendChild(input);
      row.appendChild(button(T.keep, "secondary keep", async () => {
        await flush();
        const result = await post("/api/houden", [["q", q], ["reason", input.value]]);
        const here = document.getElementById("vraag-" + q);
        apply(result, here);
        if (!result.error) focusAfter(here);  // the buttons are gone: on to the next question
      }));
      box.appendChild(row);
    }
  }

  if (form) {
    form.querySelectorAll(".question").forEach((box) => {
      const type = box.dataset.type;
      if (type === "choice" || type === "multichoice" || type === "yesno") {
        box.addEventListener("change", () => save(box));
      } else if (type === "image") {  // a logo: read here, sent as text, kept beside the answers
        const input = box.querySelector("input[type=file]");
        input.addEventListener("change", async () => {
          const file = input.files[0];
          if (!file) return;
          setStatus(T.saving);
          const data = await new Promise((done) => {
            const reader = new FileReader();
            reader.onload = () => done(String(reader.result).split(",")[1] || "");
            reader.onerror = () => done("");
            reader.readAsDataURL(file);
          });
          const result = await post("/api/antwoord", [["q", box.dataset.q], ["file", file.name],
                                                      ["data", data]]);
          if (!result.error) input.value = "";  // kept: not sent again with the step
          apply(result, box);
        });
      } else if (type === "names") {
        const add = box.querySelector(".add-name");
        add.hidden = false;  // more fields need the script; without it, save and come back
        add.addEventListener("click", () => {
          const holder = box.querySelector(".names");
          const n = holder.querySelectorAll("input").length + 1;
          const id = "a-" + box.dataset.q + "-" + n;
          const label = document.createElement("label");
          label.htmlFor = id;
          label.textContent = fill(T.names_field, {n});
          const input = document.createElement("input");
          input.type = "password";
          input.id = id;
          input.name = box.dataset.q;
          input.dir = "auto";
          input.autocomplete = "off";
          holder.appendChild(label);
          holder.appendChild(input);
          input.focus();
        });
        box.addEventListener("focusout", (e) => {  // leaving the names: save them
          if (!box.contains(e.relatedTarget) && namesTyped(box)) save(box);
        });
        box.addEventListener("paste", (e) => {  // a list pasted: one name per field
          if (e.target.type !== "password") return;
          const text = (e.clipboardData || window.clipboardData).getData("text");
          const names = text.split(/[\r\n,;]+/).map((n) => n.trim()).filter(Boolean);
          if (names.length < 2) return;
          e.preventDefault();
          let fields = [...box.querySelectorAll("input[type=password]")];
          let at = fields.indexOf(e.target);
          for (const name of names) {
            while (at < fields.length && fields[at].value.trim() && fields[at] !== e.target) at++;
            if (at >= fields.length) {
              add.click();
              fields = [...box.querySelectorAll("input[type=password]")];
            }
            fields[at].value = name;
            at++;
          }
        });
        box.addEventListener("keydown", (e) => {
          if (e.key === "Enter" && e.target.type === "password") { e.preventDefault(); save(box); }
        });
      } else {
        box.addEventListener("input", () => later(box));
        box.addEventListener("change", () => { if (timers.has(box.dataset.q)) save(box); });
      }
    });
    // The step's buttons post the whole form, as without the script; first what is still
    // being saved is saved. "Save" (Enter in a field, "save the names") stays on the page.
    // A button that posts the step says at once that it is on its way (the step's answers
    // are saved and checked first, which takes a moment): a first click never seems to do
    // nothing, and a second click while it is under way does not post twice. The answers
    // still waiting for their own save go with the form itself.
    form.addEventListener("submit", async (e) => {
      if (form.dataset.posting === "go") return;
      e.preventDefault();
      if (form.dataset.posting) return;  // on its way already
      const by = e.submitter;
      if (!by || (by.name === "go" && by.value === "save")) {
        await flush();
        return;
      }
      form.dataset.posting = "wait";
      by.setAttribute("aria-busy", "true");
      by.classList.add("busy");
      setStatus(T.going);
      const going = document.getElementById("going");  // beside the buttons, where one looks
      if (going) going.hidden = false;
      for (const timer of timers.values()) clearTimeout(timer);  // posted with the form
      timers.clear();
      await Promise.all([...running]);  // a save under way ends first
      form.dataset.posting = "go";
      // after this event is over (a submit asked for while it is fired is ignored)
      setTimeout(() => form.requestSubmit(by), 0);
    });
    window.addEventListener("pageshow", () => {  // "back": the buttons work again
      delete form.dataset.posting;
      const going = document.getElementById("going");
      if (going) going.hidden = true;
      form.querySelectorAll(".busy").forEach((b) => {
        b.classList.remove("busy");
        b.removeAttribute("aria-busy");
      });
    });
    const marks = JSON.parse(document.getElementById("marks").textContent);
    for (const [q, m] of Object.entries(marks)) showMarks(q, m);
  }

  // The page says every half minute that it is open, and whether anything was done in it:
  // only use keeps commgen running. Some minutes before it stops for being idle, the page
  // warns (the answers are saved); a click on the warning's button is use again.
  let active = false;
  for (const kind of ["keydown", "pointerdown", "input", "wheel", "touchstart"]) {
    document.addEventListener(kind, () => { active = true; }, {capture: true, passive: true});
  }
  const idle = document.getElementById("idle");
  async function pulse(used) {
    const body = new URLSearchParams();
    body.append("active", used || active ? "1" : "0");
    active = false;
    let answer;
    try {
      const r = await fetch("/api/puls", {method: "POST", body, credentials: "same-origin",
                                          headers: {"X-CSRF-Token": csrf}});
      answer = await r.json();
    } catch (e) {
      if (idle) idle.hidden = true;
      setStatus(T.gone, true);  // the server is gone: say so, and how to start again
      return;
    }
    if (!idle || typeof answer.remaining !== "number") return;
    const warn = answer.remaining <= answer.warn;
    idle.hidden = !warn;
    if (warn) {
      const n = Math.max(1, Math.ceil(answer.remaining / 60));
      document.getElementById("idle-text").textContent =
        fill(n === 1 ? T.idle_warning_one : T.idle_warning, {n});
    }
  }
  setInterval(() => pulse(false), 30 * 1000);
  const stay = document.getElementById("idle-stay");
  if (stay) stay.addEventListener("click", () => pulse(true));
  window.commgenPulse = pulse;  // for the browser tests: a pulse now, not in half a minute

  // Whether nothing is waiting to be saved (for the browser tests, and the curious).
  window.commgenSettled = () => !timers.size && !running.size && !typedNames().length;

  // Closing the tab while an answer is still being saved: the browser asks first.
  window.addEventListener("beforeunload", (e) => {
    if (form && form.dataset.posting === "go") return;  // the step's form takes them along
    if (timers.size || running.size || typedNames().length) {
      e.preventDefault();
      e.returnValue = "";
    }
  });

  // Leaving a step waits for the answers still being saved.
  document.querySelectorAll("a.nav").forEach((a) => {
    a.addEventListener("click", async (e) => {
      if (!timers.size && !running.size && !typedNames().length) return;
      e.preventDefault();
      await flush();
      window.location.href = a.href;
    });
  });

  document.querySelectorAll("button.copy").forEach((b) => {
    b.addEventListener("click", async () => {
      const area = document.getElementById(b.dataset.target);
      try {
        await navigator.clipboard.writeText(area.value);
      } catch (e) {
        area.select();
        document.execCommand("copy");
      }
      b.textContent = T.copied;
    });
  });
})();
