/*
 * The "incoming call" notice: a card per call that rings this agent, pushed on their own WebSocket
 * channel ("calls"), gone when the call is answered or over. Text goes in with textContent only: a
 * caller's name is theirs to choose. Labels come from the container's data attributes, in the page's
 * language.
 */
(function () {
    "use strict";
    var SHOWN_AT_MOST_MS = 3 * 60 * 1000; // the server forgets a ringing call after as long

    function container() {
        return document.getElementById("incomingCalls");
    }

    function element(tag, className, text) {
        var e = document.createElement(tag);
        if (className) {
            e.className = className;
        }
        if (text !== undefined && text !== null) {
            e.textContent = text;
        }
        return e;
    }

    function ticketUrl(box, id) {
        return (box.dataset.base || "") + "/ticket.xhtml?id=" + encodeURIComponent(id); // no attribute when the context path is the root
    }

    function remove(id) {
        var box = container();
        var card = box && box.querySelector('[data-call="' + id + '"]');
        if (card) {
            card.remove();
        }
    }

    function show(call) {
        var box = container();
        if (!box || box.querySelector('[data-call="' + call.id + '"]')) {
            return;
        }
        var card = element("section", "call-notice");
        card.dataset.call = call.id;
        card.setAttribute("role", "alertdialog");
        var head = element("header", "call-notice-head");
        head.appendChild(element("span", "call-notice-title", box.dataset.title));
        head.appendChild(element("span", "call-notice-channel", call.channel));
        card.appendChild(head);
        var name = call.name && call.name !== call.number ? call.name : null;
        card.appendChild(element("strong", "call-notice-name", name || call.number || box.dataset.unknown));
        if (name && call.number) {
            card.appendChild(element("div", "call-notice-number", call.number));
        }
        (call.emails || []).slice(0, 2).forEach(function (email) {
            card.appendChild(element("div", "call-notice-email", email));
        });
        if (call.owner) {
            card.appendChild(element("div", "call-notice-owner", box.dataset.owner.replace("{0}", call.owner)));
        }
        if (call.openTickets && call.openTickets.length) {
            card.appendChild(element("div", "call-notice-label", box.dataset.openTickets));
            var list = element("ul", "call-notice-tickets");
            call.openTickets.forEach(function (t) {
                var item = element("li");
                var link = element("a", null, "#" + t.number + " " + t.subject);
                link.href = ticketUrl(box, t.id);
                item.appendChild(link);
                list.appendChild(item);
            });
            card.appendChild(list);
        }
        var actions = element("div", "call-notice-actions");
        var open = element("a", "call-notice-open", box.dataset.open.replace("{0}", "#" + call.ticketNumber));
        open.href = ticketUrl(box, call.ticketId);
        actions.appendChild(open);
        var dismiss = element("button", "call-notice-dismiss link-button", box.dataset.dismiss);
        dismiss.type = "button";
        dismiss.addEventListener("click", function () {
            remove(call.id);
        });
        actions.appendChild(dismiss);
        card.appendChild(actions);
        box.appendChild(card);
        setTimeout(function () {
            remove(call.id);
        }, SHOWN_AT_MOST_MS);
    }

    window.sbIncomingCall = function (message) {
        var call = typeof message === "string" ? JSON.parse(message) : message;
        if (call.over !== undefined) {
            remove(call.over);
        } else {
            show(call);
        }
    };

    /*
     * The channel is connected: from now on no notice for this agent can be missed (tests wait for this
     * mark). What began ringing after the page was rendered the server sends the moment it connects.
     */
    window.sbCallsLive = function () {
        var box = container();
        if (box) {
            box.dataset.live = "true";
        }
    };

    function showRingingOnLoad() {
        var box = container();
        if (box && box.dataset.notices) {
            JSON.parse(box.dataset.notices).forEach(show);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", showRingingOnLoad);
    } else {
        showRingingOnLoad();
    }
})();
