/*
 * Switchboard chat widget, v1. One tag on the host page:
 *   <script src="https://<switchboard>/widget/v1.js" data-channel="<key>" async></script>
 * Optional, before the tag: window.SwitchboardChat = { user: {id, email, name, hash}, language: "fi", transport: "poll" }
 * (hash = hex HMAC-SHA256 of id under the channel's identity secret, made by the site's server).
 *
 * Renders in a shadow root (the page's CSS and the widget's never meet), stores nothing in the
 * browser until the visitor opens the chat, talks over a WebSocket or, where that is blocked, long
 * polls. Every message has the widget's own id (resent after a reconnect, never doubled) and every
 * line a sequence number (a reconnect asks for what came after the last one seen).
 */
(function () {
    "use strict";
    var script = document.currentScript || document.querySelector("script[src*='/widget/v1.js'][data-channel]");
    if (!script || window.__switchboardChat) {
        return;
    }
    var channel = script.getAttribute("data-channel");
    var base = script.src.replace(/\/widget\/v1\.js.*$/, "");
    var options = window.SwitchboardChat || {};
    var storeKey = "switchboard-chat:" + channel;
    var lang = options.language === "fi" || options.language === "en" ? options.language
        : (navigator.language || "en").toLowerCase().indexOf("fi") === 0 ? "fi" : "en";
    var TEXTS = {
        en: { open: "Open chat", close: "Close chat", send: "Send", placeholder: "Write a message…", you: "You",
              agree: "I agree", consentFirst: "Accept the terms above to start chatting.", sending: "Sending…",
              offline: "Reconnecting… your messages are kept and sent when the connection is back.",
              refused: "This chat is only for signed-in users of this site.", failed: "Not sent yet; trying again.",
              label: "Message", log: "Conversation", choices: "Answers to choose from",
              away: "We're away right now. Leave your email address and a message, and we'll answer by email.",
              email: "Your email", emailNeeded: "Enter your email address so we can answer.",
              awayThanks: "Thanks! We'll answer by email to " },
        fi: { open: "Avaa chat", close: "Sulje chat", send: "Lähetä", placeholder: "Kirjoita viesti…", you: "Sinä",
              agree: "Hyväksyn", consentFirst: "Hyväksy yllä olevat ehdot aloittaaksesi keskustelun.", sending: "Lähetetään…",
              offline: "Yhdistetään uudelleen… viestisi säilyvät ja lähtevät, kun yhteys palaa.",
              refused: "Tämä chat on vain sivuston kirjautuneille käyttäjille.", failed: "Ei vielä lähetetty; yritetään uudelleen.",
              label: "Viesti", log: "Keskustelu", choices: "Valittavat vastaukset",
              away: "Olemme nyt poissa. Jätä sähköpostiosoitteesi ja viesti, niin vastaamme sähköpostilla.",
              email: "Sähköpostisi", emailNeeded: "Anna sähköpostiosoitteesi, jotta voimme vastata.",
              awayThanks: "Kiitos! Vastaamme sähköpostilla osoitteeseen " }
    };
    var t = TEXTS[lang];

    var state = { token: null, look: null, lastSeq: 0, outbox: [], opened: false, socket: null, socketFailures: 0,
                  polling: options.transport === "poll", online: true, shown: {}, retry: 1000, choicesSeq: 0 };
    var ui = {};
    window.__switchboardChat = { state: state };

    function post(path, body) {
        return fetch(base + "/api/v1/inbound/chat/" + encodeURIComponent(channel) + "/" + path, {
            method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
            credentials: "omit", mode: "cors"
        }).then(function (r) {
            if (r.status === 204) {
                return null;
            }
            return r.json().then(function (json) {
                if (!r.ok) {
                    var e = new Error(json.message || r.status);
                    e.status = r.status;
                    e.fields = json.fields || [];
                    throw e;
                }
                return json;
            });
        });
    }

    function stored() {
        try {
            return JSON.parse(localStorage.getItem(storeKey) || "null");
        } catch (e) {
            return null;
        }
    }

    function remember() {
        if (!state.opened) {
            return; // nothing in the visitor's browser until they open the chat
        }
        try {
            localStorage.setItem(storeKey, JSON.stringify({ token: state.token, outbox: state.outbox }));
        } catch (e) { /* private mode: the chat still works for this page */ }
    }

    function start() {
        var kept = stored();
        if (kept) {
            state.opened = true; // opened on an earlier visit
            state.outbox = kept.outbox || [];
        }
        post("session", { token: kept ? kept.token : null, user: options.user || null, language: lang }).then(function (s) {
            state.token = s.token;
            state.look = s.appearance;
            state.away = !s.available;
            state.knownEmail = s.knownEmail;
            build();
            if (state.opened) {
                remember();
                connect();
            }
        }).catch(function (e) {
            if (e.status === 403) {
                state.refused = true;
                state.look = { teamName: "", accentColour: "#1f6feb", textColour: "#ffffff", font: "system-ui", position: "RIGHT" };
                build();
            }
        });
    }

    function el(tag, attrs, text) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
        if (text != null) {
            node.textContent = text;
        }
        return node;
    }

    function build() {
        var look = state.look;
        var host = el("div", { id: "switchboard-chat" });
        document.body.appendChild(host);
        var root = host.attachShadow({ mode: "open" });
        var side = look.position === "LEFT" ? "left" : "right";
        var style = el("style");
        style.textContent =
            ":host{all:initial}" +
            "*{box-sizing:border-box;font-family:" + look.font + ",system-ui,sans-serif}" +
            ".launcher{position:fixed;bottom:20px;" + side + ":20px;width:56px;height:56px;border-radius:50%;border:none;cursor:pointer;" +
            "background:" + look.accentColour + ";color:" + look.textColour + ";display:flex;align-items:center;justify-content:center;box-shadow:0 4px 12px rgba(0,0,0,.25);z-index:2147483000}" +
            ".launcher:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible{outline:3px solid #111;outline-offset:2px}" +
            ".panel{position:fixed;bottom:88px;" + side + ":20px;width:360px;max-width:calc(100vw - 40px);height:520px;max-height:calc(100vh - 110px);" +
            "display:flex;flex-direction:column;background:#fff;color:#111;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.28);overflow:hidden;z-index:2147483000}" +
            ".panel[hidden]{display:none}" +
            "header{display:flex;align-items:center;gap:10px;padding:12px 14px;background:" + look.accentColour + ";color:" + look.textColour + "}" +
            "header img,.avatar{width:32px;height:32px;border-radius:50%;object-fit:cover;background:rgba(255,255,255,.3);display:inline-flex;align-items:center;justify-content:center;font-weight:600}" +
            "header h2{flex:1;margin:0;font-size:16px;font-weight:600}" +
            "header button{background:none;border:none;color:inherit;font-size:22px;cursor:pointer;line-height:1}" +
            "ol{flex:1;overflow-y:auto;list-style:none;margin:0;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f6f7f9}" +
            "li{max-width:80%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word;font-size:14px;line-height:1.4}" +
            "li.visitor{align-self:flex-end;background:" + look.accentColour + ";color:" + look.textColour + "}" +
            "li.agent,li.bot,li.greeting{align-self:flex-start;background:#fff;border:1px solid #dde1e6}" +
            "li.pending{opacity:.7}" +
            ".choices{display:flex;flex-wrap:wrap;gap:6px;padding:8px 12px;background:#f6f7f9}.choices:empty{display:none}" +
            ".choices button{padding:6px 12px;border:1px solid " + look.accentColour + ";border-radius:16px;background:#fff;color:#111;font-size:14px;cursor:pointer}" +
            ".who{display:block;font-size:12px;font-weight:600;margin-bottom:2px;color:#444}" +
            ".status{padding:6px 12px;font-size:13px;background:#fff4d6;color:#4d3800}" +
            ".status:empty{display:none}" +
            ".consent{padding:10px 12px;font-size:13px;border-top:1px solid #dde1e6}" +
            ".away{padding:10px 12px;font-size:13px;border-top:1px solid #dde1e6;display:flex;flex-direction:column;gap:6px}" +
            ".away p{margin:0}.away input{padding:7px;border:1px solid #8a929c;border-radius:8px;font-size:14px;color:#111}" +
            "form{display:flex;gap:8px;padding:10px;border-top:1px solid #dde1e6;background:#fff}" +
            "textarea{flex:1;resize:none;height:44px;padding:8px;border:1px solid #8a929c;border-radius:8px;font-size:14px;color:#111}" +
            "form button{padding:0 14px;border:none;border-radius:8px;background:" + look.accentColour + ";color:" + look.textColour + ";font-weight:600;cursor:pointer}" +
            ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}";
        root.appendChild(style);

        ui.launcher = el("button", { "class": "launcher", type: "button", "aria-label": t.open, "aria-expanded": "false", "aria-controls": "sb-panel" });
        ui.launcher.appendChild(bubbleIcon());
        ui.panel = el("div", { "class": "panel", id: "sb-panel", role: "dialog", "aria-label": look.teamName || t.log, hidden: "" });
        var header = el("header");
        if (look.avatarUrl) {
            header.appendChild(el("img", { src: look.avatarUrl, alt: "" }));
        } else {
            header.appendChild(el("span", { "class": "avatar", "aria-hidden": "true" }, (look.teamName || "?").charAt(0).toUpperCase()));
        }
        header.appendChild(el("h2", {}, look.teamName || ""));
        ui.close = el("button", { type: "button", "class": "close", "aria-label": t.close }, "×");
        header.appendChild(ui.close);
        ui.log = el("ol", { role: "log", "aria-live": "polite", "aria-label": t.log, "class": "log" });
        ui.status = el("div", { "class": "status", role: "status" });
        ui.choices = el("div", { "class": "choices", role: "group", "aria-label": t.choices });
        ui.form = el("form", { "class": "compose" });
        var label = el("label", { "for": "sb-text", "class": "visually-hidden" }, t.label);
        ui.text = el("textarea", { id: "sb-text", placeholder: t.placeholder, maxlength: "5000", rows: "2" });
        ui.send = el("button", { type: "submit", "class": "send" }, t.send);
        ui.form.appendChild(label);
        ui.form.appendChild(ui.text);
        ui.form.appendChild(ui.send);
        ui.panel.appendChild(header);
        ui.panel.appendChild(ui.log);
        ui.panel.appendChild(ui.choices);
        ui.panel.appendChild(ui.status);
        if (look.consent === "EXPLICIT" || look.consent === "IMPLICIT") {
            var consent = el("div", { "class": "consent" });
            consent.appendChild(el("p", { id: "sb-consent-text" }, look.consentText || ""));
            if (look.consent === "EXPLICIT") {
                var agree = el("label");
                ui.agree = el("input", { type: "checkbox", id: "sb-agree", "aria-describedby": "sb-consent-text" });
                agree.appendChild(ui.agree);
                agree.appendChild(document.createTextNode(" " + t.agree));
                consent.appendChild(agree);
            }
            ui.panel.appendChild(consent);
        }
        if (state.away) {
            var away = el("div", { "class": "away" });
            away.appendChild(el("p", { id: "sb-away-text" }, t.away));
            if (!state.knownEmail) {
                away.appendChild(el("label", { "for": "sb-email" }, t.email));
                ui.email = el("input", { type: "email", id: "sb-email", autocomplete: "email", maxlength: "320", "aria-describedby": "sb-away-text" });
                away.appendChild(ui.email);
            }
            ui.panel.appendChild(away);
        }
        ui.panel.appendChild(ui.form);
        root.appendChild(ui.launcher);
        root.appendChild(ui.panel);

        if (look.greeting) {
            ui.log.appendChild(el("li", { "class": "greeting" }, look.greeting));
        }
        if (state.refused) {
            ui.status.textContent = t.refused;
            ui.text.disabled = true;
            ui.send.disabled = true;
        }
        state.outbox.forEach(showPending);
        ui.launcher.addEventListener("click", function () { toggle(ui.panel.hidden); });
        ui.close.addEventListener("click", function () { toggle(false); });
        ui.panel.addEventListener("keydown", function (e) {
            if (e.key === "Escape") {
                toggle(false);
            }
        });
        ui.text.addEventListener("keydown", function (e) {
            if (e.key === "Enter" && !e.shiftKey) {
                e.preventDefault();
                submit();
            }
        });
        ui.form.addEventListener("submit", function (e) {
            e.preventDefault();
            submit();
        });
        document.addEventListener("visibilitychange", receipts);
        window.addEventListener("offline", function () { state.online = false; disconnect(); showStatus(); });
        window.addEventListener("online", function () { state.online = true; showStatus(); connect(); });
    }

    /** A speech bubble, drawn: no icon font or emoji font needed on the visitor's machine. */
    function bubbleIcon() {
        var ns = "http://www.w3.org/2000/svg";
        var svg = document.createElementNS(ns, "svg");
        svg.setAttribute("viewBox", "0 0 24 24");
        svg.setAttribute("width", "28");
        svg.setAttribute("height", "28");
        svg.setAttribute("aria-hidden", "true");
        var path = document.createElementNS(ns, "path");
        path.setAttribute("fill", "currentColor");
        path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z");
        svg.appendChild(path);
        return svg;
    }

    function toggle(open) {
        ui.panel.hidden = !open;
        ui.launcher.setAttribute("aria-expanded", String(open));
        ui.launcher.setAttribute("aria-label", open ? t.close : t.open);
        if (open) {
            if (!state.opened) {
                state.opened = true;
                remember();
                connect();
            }
            ui.text.focus();
            receipts();
        } else {
            ui.launcher.focus();
        }
    }

    /** Sends what the visitor wrote, or the answer they chose with a button ({@code chosen}). */
    function submit(chosen) {
        var text = (typeof chosen === "string" ? chosen : ui.text.value).trim();
        if (!text || state.refused) {
            return;
        }
        if (ui.agree && !ui.agree.checked) {
            ui.status.textContent = t.consentFirst;
            ui.agree.focus();
            return;
        }
        // explicit consent was checked above; implicit consent is given by writing with the text shown
        var item = { clientId: newId(), text: text, consent: state.look.consent === "EXPLICIT" || state.look.consent === "IMPLICIT" };
        if (state.away) {
            if (ui.email && (!ui.email.value.trim() || !ui.email.checkValidity())) {
                ui.status.textContent = t.emailNeeded;
                ui.email.setAttribute("aria-invalid", "true");
                ui.email.focus();
                return;
            }
            item.away = true;
            item.replyEmail = ui.email ? ui.email.value.trim() : null;
        }
        state.outbox.push(item);
        remember();
        if (typeof chosen !== "string") {
            ui.text.value = "";
        }
        showChoices(0, []);
        showPending(item);
        transmit(item);
    }

    function newId() {
        var bytes = new Uint8Array(12);
        (window.crypto || window.msCrypto).getRandomValues(bytes);
        return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    }

    function showPending(item) {
        if (document.getElementById && ui.log && !ui.log.querySelector("[data-client='" + item.clientId + "']")) {
            var li = el("li", { "class": "visitor pending", "data-client": item.clientId });
            li.appendChild(el("span", { "class": "visually-hidden" }, t.you + ": "));
            li.appendChild(document.createTextNode(item.text));
            ui.log.appendChild(li);
            scroll();
        }
    }

    function transmit(item) {
        if (!state.online) {
            return; // sent when the connection is back
        }
        if (!state.polling) {
            if (state.socket && state.socket.readyState === 1 && state.ready) {
                state.socket.send(JSON.stringify({ type: "send", clientId: item.clientId, text: item.text, language: lang,
                                                   away: !!item.away, replyEmail: item.replyEmail || null, consent: !!item.consent }));
            }
            return; // a socket that is not ready resends the outbox on hello
        }
        post("messages", { token: state.token, clientId: item.clientId, text: item.text, language: lang,
                           away: !!item.away, replyEmail: item.replyEmail || null, consent: !!item.consent }).then(function (r) {
            accepted(r.clientId);
        }).catch(function (e) {
            if (e.status >= 400 && e.status < 500 && e.status !== 409 && e.status !== 429) {
                drop(item.clientId, e.message);
            } else {
                ui.status.textContent = t.failed;
                setTimeout(function () { transmit(item); }, 3000);
            }
        });
    }

    function accepted(clientId) {
        var item = state.outbox.filter(function (i) { return i.clientId === clientId; })[0];
        if (!item) {
            return; // accepted before (the answer and the pushed line both say so)
        }
        state.outbox = state.outbox.filter(function (i) { return i.clientId !== clientId; });
        remember();
        if (ui.status.textContent === t.failed) {
            ui.status.textContent = "";
        }
        if (item.away) {
            ui.status.textContent = t.awayThanks + (item.replyEmail || "") + ".";
        }
    }

    function drop(clientId, message) {
        accepted(clientId);
        ui.status.textContent = message;
    }

    function showLines(lines) {
        lines.forEach(function (line) {
            if (line.seq <= state.lastSeq && state.shown[line.seq]) {
                return;
            }
            state.shown[line.seq] = true;
            state.lastSeq = Math.max(state.lastSeq, line.seq);
            var li = line.clientId ? ui.log.querySelector("[data-client='" + line.clientId + "']") : null;
            if (li) {
                li.classList.remove("pending");
                li.setAttribute("data-seq", line.seq);
                place(li, line.seq);
                accepted(line.clientId);
                return;
            }
            li = el("li", { "class": line.from, "data-seq": line.seq });
            if (line.from === "visitor") {
                li.appendChild(el("span", { "class": "visually-hidden" }, t.you + ": "));
            } else {
                li.appendChild(el("span", { "class": "who" }, line.author || state.look.teamName || ""));
            }
            li.appendChild(document.createTextNode(line.text));
            place(li, line.seq);
        });
        // a bot's question shows its answers as buttons until anything newer is said
        var latest = lines.length ? lines[lines.length - 1] : null;
        if (latest && latest.seq >= state.choicesSeq) {
            showChoices(latest.seq, latest.from === "bot" && latest.buttons ? latest.buttons : []);
        }
        scroll();
        receipts();
    }

    function showChoices(seq, labels) {
        state.choicesSeq = seq;
        while (ui.choices.firstChild) {
            ui.choices.removeChild(ui.choices.firstChild);
        }
        labels.forEach(function (label) {
            var button = el("button", { type: "button" }, label);
            button.addEventListener("click", function () { submit(label); });
            ui.choices.appendChild(button);
        });
    }

    /**
     * Puts a line at its place in the conversation: before the first line with a later number, else
     * before the visitor's messages still waiting to be accepted (they stay at the bottom).
     */
    function place(li, seq) {
        var items = ui.log.children;
        for (var i = 0; i < items.length; i++) {
            var other = items[i];
            if (other === li) {
                continue;
            }
            var otherSeq = Number(other.getAttribute("data-seq"));
            if ((otherSeq && otherSeq > seq) || other.classList.contains("pending")) {
                ui.log.insertBefore(li, other);
                return;
            }
        }
        ui.log.appendChild(li);
    }

    function receipts() {
        if (!state.token || !state.lastSeq || !ui.panel) {
            return;
        }
        var read = !ui.panel.hidden && document.visibilityState === "visible";
        var frame = { type: "seen", seq: state.lastSeq, read: read };
        if (!state.polling && state.socket && state.socket.readyState === 1) {
            state.socket.send(JSON.stringify(frame));
        } else if (state.polling) {
            post("seen", { token: state.token, seq: state.lastSeq, read: read }).catch(function () { /* next time */ });
        }
    }

    function scroll() {
        ui.log.scrollTop = ui.log.scrollHeight;
    }

    /** Says so while the connection is down; clears only that notice when it is back (other notices stay). */
    function showStatus() {
        if (!state.online) {
            ui.status.textContent = t.offline;
        } else if (ui.status.textContent === t.offline) {
            ui.status.textContent = "";
        }
    }

    function connect() {
        if (!state.opened || !state.token || !state.online || state.refused) {
            return;
        }
        if (state.polling || typeof WebSocket === "undefined") {
            state.polling = true;
            state.outbox.forEach(transmit);
            poll();
            return;
        }
        if (state.socket && state.socket.readyState <= 1) {
            return;
        }
        var everOpened = false;
        var socket = new WebSocket(base.replace(/^http/, "ws") + "/widget/socket/" + encodeURIComponent(channel));
        state.socket = socket;
        state.ready = false;
        socket.onopen = function () {
            everOpened = true;
            state.socketFailures = 0;
            state.retry = 1000;
            socket.send(JSON.stringify({ type: "hello", token: state.token, after: state.lastSeq }));
            // servers and balancers close connections that stay silent: say something every 25 s
            var keepAlive = setInterval(function () {
                if (socket.readyState === 1) {
                    socket.send("{\"type\":\"ping\"}");
                } else {
                    clearInterval(keepAlive);
                }
            }, 25000);
            // a hello that gets no answer (seen under heavy load) must not leave the outbox waiting: start over
            setTimeout(function () {
                if (state.socket === socket && !state.ready) {
                    socket.close();
                }
            }, 5000);
        };
        socket.onmessage = function (event) {
            var frame = JSON.parse(event.data);
            if (frame.type === "ready") {
                state.ready = true;
                showStatus();
                state.outbox.forEach(transmit);
            } else if (frame.type === "messages") {
                showLines(frame.messages);
            } else if (frame.type === "accepted") {
                var li = ui.log.querySelector("[data-client='" + frame.clientId + "']");
                if (li && frame.seq) {
                    li.classList.remove("pending");
                    li.setAttribute("data-seq", frame.seq);
                    place(li, frame.seq);
                }
                accepted(frame.clientId);
            } else if (frame.type === "error" && frame.retry && !state.ready) {
                socket.close(); // the hello was not answered: open again at once rather than after the 5 s wait
            } else if (frame.type === "error" && frame.clientId && frame.field) {
                drop(frame.clientId, frame.message);
            } else if (frame.type === "error" && frame.clientId) {
                // the server could not take the message in just now ("trying again"): the widget is the one that tries
                ui.status.textContent = frame.message;
                var unsent = state.outbox.filter(function (i) { return i.clientId === frame.clientId; })[0];
                if (unsent) {
                    setTimeout(function () { transmit(unsent); }, 2000);
                }
            } else if (frame.type === "error") {
                ui.status.textContent = frame.message;
            }
        };
        socket.onclose = function () {
            state.ready = false;
            if (state.socket !== socket) {
                return;
            }
            state.socket = null;
            if (!everOpened && ++state.socketFailures >= 2) {
                state.polling = true; // WebSockets blocked on the way: long polls instead
            }
            if (state.online) {
                ui.status.textContent = t.offline;
                setTimeout(connect, state.retry);
                state.retry = Math.min(state.retry * 2, 15000);
            }
        };
    }

    function disconnect() {
        if (state.socket) {
            var socket = state.socket;
            state.socket = null;
            state.ready = false;
            socket.close();
        }
    }

    function poll() {
        if (state.pollRunning || !state.online) {
            return;
        }
        state.pollRunning = true;
        post("poll", { token: state.token, after: state.lastSeq, waitSeconds: 25 }).then(function (r) {
            state.pollRunning = false;
            state.retry = 1000;
            showStatus();
            showLines(r.messages);
            poll();
        }).catch(function () {
            state.pollRunning = false;
            ui.status.textContent = t.offline;
            setTimeout(poll, state.retry);
            state.retry = Math.min(state.retry * 2, 15000);
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
