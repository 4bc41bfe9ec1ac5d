// Live entry in the organizer's console. Each remark gets a key when it is typed and waits
// in this browser's storage until the server has stored it: a dropped connection or a
// restarted server delays it, and sending it again never doubles it.
"use strict";
(function () {
  const live = document.getElementById("live");
  if (!live) return;
  const slug = live.dataset.slug, csrf = live.dataset.csrf, korean = live.dataset.lang === "ko";
  const say = (ko, en) => (korean ? ko : en);
  const queueKey = "madang.queue." + slug;
  const box = document.getElementById("remark");
  const list = document.getElementById("statements");
  const arrivals = document.getElementById("arrivals");
  const status = document.getElementById("status");
  const speakers = Array.from(document.querySelectorAll(".speaker"));
  let speaker = null, sending = false, lastSeen = 0;

  const load = () => JSON.parse(localStorage.getItem(queueKey) || "[]");
  const store = (queue) => localStorage.setItem(queueKey, JSON.stringify(queue));

  function pick(button) {
    speakers.forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    speaker = button ? button.dataset.speaker : null;
  }
  speakers.forEach((b) => b.addEventListener("click", () => { pick(b); box.focus(); }));
  if (speakers.length) pick(speakers[0]);

  document.addEventListener("keydown", (event) => {
    if (event.altKey && /^[1-9]$/.test(event.key)) {
      const button = speakers.find((b) => b.dataset.speaker === event.key);
      if (button) { pick(button); event.preventDefault(); }
    }
  });

  function row(entry) {
    const li = document.createElement("li");
    li.dataset.id = entry.id || "";
    li.dataset.order = entry.order || "";
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = entry.speaker || "";
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = entry.text;
    li.append(who, " ", text);
    if (entry.id) addButtons(li, entry.withdrawn);
    if (entry.withdrawn) li.classList.add("withdrawn");
    return li;
  }

  function addButtons(li, withdrawn) {
    const edit = document.createElement("button");
    edit.type = "button"; edit.className = "edit"; edit.textContent = say("고치기", "Edit");
    const toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = withdrawn ? "restore" : "withdraw";
    toggle.textContent = withdrawn ? say("되살리기", "Restore") : say("철회", "Withdraw");
    const up = document.createElement("button");
    up.type = "button"; up.className = "up"; up.textContent = "↑"; up.setAttribute("aria-label", say("한 칸 위로", "Move up"));
    const down = document.createElement("button");
    down.type = "button"; down.className = "down"; down.textContent = "↓"; down.setAttribute("aria-label", say("한 칸 아래로", "Move down"));
    li.append(" ", edit, " ", up, " ", down, " ", toggle);
  }

  function pendingRow(entry) {
    const li = row({ speaker: labelOf(entry.speaker), text: entry.text });
    li.dataset.key = entry.key;
    li.classList.add("pending");
    return li;
  }

  function labelOf(position) {
    const button = speakers.find((b) => b.dataset.speaker === String(position));
    return button ? button.textContent.replace(/^\s*\d+\s*/, "").trim() : "";
  }

  function enter() {
    const text = box.value;
    if (!text.trim()) return;
    if (!speaker) { status.textContent = say("발언자를 먼저 고르세요.", "Pick a speaker first."); return; }
    const key = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
    const entry = { key: key, speaker: speaker, text: text };
    const queue = load();
    queue.push(entry);
    store(queue);
    list.append(pendingRow(entry));
    box.value = "";
    flush();
  }

  async function call(method, url, body) {
    const response = await fetch(url, {
      method: method, credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) { location.href = "/signin"; throw new Error("signed out"); }
    return response;
  }

  // Sends the waiting remarks in the order they were typed; stops at the first that cannot
  // reach the server and tries again shortly.
  async function flush() {
    if (sending) return;
    sending = true;
    try {
      let queue = load();
      while (queue.length) {
        const entry = queue[0];
        let response;
        try {
          response = await call("POST", "/api/h/" + slug + "/statements", entry);
        } catch (error) {
          status.textContent = say("연결이 끊겼습니다. 발언은 이 브라우저에 보관되어 있다가 연결되면 저장됩니다.",
            "Connection lost. The remarks wait in this browser and are saved when it returns.");
          setTimeout(flush, 2000);
          return;
        }
        if (response.status >= 500) { setTimeout(flush, 2000); status.textContent = say("서버가 응답하지 않습니다. 다시 시도합니다.", "The server did not answer; trying again."); return; }
        const pending = list.querySelector('li[data-key="' + entry.key + '"]');
        if (response.ok) {
          const saved = await response.json();
          const li = row(saved);
          if (pending) pending.replaceWith(li); else if (!list.querySelector('li[data-id="' + saved.id + '"]')) list.append(li);
          status.textContent = say("저장했습니다.", "Saved.");
        } else {
          const problem = await response.json().catch(() => ({}));
          if (pending) { pending.classList.add("failed"); pending.title = (problem.error && problem.error.message) || ""; }
          status.textContent = say("저장하지 못한 발언이 있습니다: ", "A remark could not be saved: ") + ((problem.error && problem.error.message) || response.status);
        }
        // By its key: another tab of the same hearing may have sent it and taken it out first.
        queue = load().filter((waiting) => waiting.key !== entry.key);
        store(queue);
      }
    } finally {
      sending = false;
    }
  }

  list.addEventListener("click", async (event) => {
    const button = event.target.closest("button");
    const li = event.target.closest("li");
    if (!button || !li || !li.dataset.id) return;
    const id = li.dataset.id;
    if (button.classList.contains("edit")) {
      const text = li.querySelector(".text");
      const editor = document.createElement("textarea");
      editor.value = text.textContent;
      editor.className = "editor";
      editor.setAttribute("aria-label", say("발언 고치기", "Edit the remark"));
      const save = document.createElement("button");
      save.type = "button"; save.className = "save-edit"; save.textContent = say("고친 내용 저장", "Save the edit");
      text.replaceWith(editor);
      button.replaceWith(save);
      editor.focus();
      save.addEventListener("click", () => correct(li, call("POST", "/api/items/" + id, { text: editor.value })));
    } else if (button.classList.contains("withdraw")) {
      const reason = prompt(say("철회 사유", "Reason for withdrawing"));
      if (reason === null) return;
      await correct(li, call("POST", "/api/items/" + id + "/withdraw", { reason: reason }));
    } else if (button.classList.contains("restore")) {
      await correct(li, call("POST", "/api/items/" + id + "/restore"));
    } else if (button.classList.contains("up") || button.classList.contains("down")) {
      // The remarks between shift by one: the page is read again to show the new order.
      const position = Number(li.dataset.order) + (button.classList.contains("up") ? -1 : 1);
      if (position < 1) return;
      const response = await call("POST", "/api/items/" + id + "/move", { position: position }).catch(() => null);
      if (response && response.ok) location.reload();
      else status.textContent = say("순서를 바꾸지 못했습니다.", "The order could not be changed.");
    }
  });

  // Shows a corrected remark in place, or says why the server refused the correction.
  async function correct(li, sending) {
    try {
      const response = await sending;
      if (response.ok) { li.replaceWith(row(await response.json())); status.textContent = say("고쳤습니다.", "Corrected."); return; }
      const problem = await response.json().catch(() => ({}));
      status.textContent = (problem.error && problem.error.message) || String(response.status);
    } catch (error) {
      status.textContent = say("연결이 끊겨 고치지 못했습니다. 다시 해 주세요.", "Connection lost; the correction was not made. Try again.");
    }
  }

  // What arrived since the last look: remarks typed elsewhere and the public's opinions.
  async function poll() {
    try {
      const response = await call("GET", "/api/h/" + slug + "/items?after=" + lastSeen);
      if (response.ok) {
        for (const entry of await response.json()) {
          lastSeen = Math.max(lastSeen, entry.id);
          if (entry.kind === "statement") {
            if (!list.querySelector('li[data-id="' + entry.id + '"]') && !load().length) list.append(row(entry));
          } else {
            const li = document.createElement("li");
            li.dataset.id = entry.id;
            li.textContent = (entry.receipt ? entry.receipt + " " : "") + (entry.author || say("익명", "Anonymous")) + ": " + entry.text;
            arrivals.prepend(li);
          }
        }
      }
    } catch (error) { /* offline: the next look catches up */ }
    setTimeout(poll, 3000);
  }

  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) { event.preventDefault(); enter(); }
  });
  document.getElementById("save").addEventListener("click", enter);
  window.addEventListener("online", flush);
  list.querySelectorAll("li[data-id]").forEach((li) => { lastSeen = Math.max(lastSeen, Number(li.dataset.id)); });
  load().forEach((entry) => list.append(pendingRow(entry)));
  flush();
  poll();
})();
