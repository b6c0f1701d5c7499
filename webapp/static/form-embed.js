/*
 * Switchboard form embed. One tag on any page:
 *   <div data-switchboard-form="FORM_KEY"></div>
 *   <script src="https://helpdesk.example.com/static/form-embed.js" async></script>
 * Every element with data-switchboard-form gets its form (data-lang="fi" for Finnish). The form
 * posts to Switchboard with fetch and shows the answer in place; without JavaScript, link to the
 * hosted page /forms/FORM_KEY instead.
 */
(function () {
    'use strict';
    var script = document.currentScript;
    var base = script ? script.src.replace(/\/static\/form-embed\.js(\?.*)?$/, '') : '';

    function stylesheet() {
        if (document.querySelector('link[data-switchboard-style]')) {
            return;
        }
        var link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = base + '/static/form.css';
        link.setAttribute('data-switchboard-style', '');
        document.head.appendChild(link);
    }

    function clearErrors(form) {
        form.querySelectorAll('.sb-error').forEach(function (e) { e.parentNode.removeChild(e); });
        form.querySelectorAll('.sb-invalid').forEach(function (e) { e.classList.remove('sb-invalid'); });
        form.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
    }

    function showErrors(form, errors) {
        var first = null;
        Object.keys(errors).forEach(function (field) {
            var input = form.querySelector('#f-' + field);
            if (!input) {
                return;
            }
            var box = input.closest('.sb-field');
            var p = document.createElement('p');
            p.className = 'sb-error';
            p.id = 'f-' + field + '-error';
            p.textContent = errors[field];
            box.classList.add('sb-invalid');
            box.appendChild(p);
            input.setAttribute('aria-invalid', 'true');
            var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(function (id) { return id && id !== p.id; });
            described.push(p.id);
            input.setAttribute('aria-describedby', described.join(' '));
            first = first || input;
        });
        if (first) {
            first.focus();
        }
    }

    function wire(container, key, lang) {
        var form = container.querySelector('form');
        var status = container.querySelector('.sb-status');
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var button = form.querySelector('button[type=submit]');
            button.disabled = true;
            clearErrors(form);
            fetch(base + '/forms/' + encodeURIComponent(key) + (lang ? '?lang=' + encodeURIComponent(lang) : ''), {
                method: 'POST', body: new FormData(form), headers: {'Accept': 'application/json'}, credentials: 'omit'
            }).then(function (response) {
                return response.json();
            }).then(function (answer) {
                button.disabled = false;
                status.textContent = answer.message || '';
                if (answer.status === 'accepted') {
                    var done = document.createElement('p');
                    done.className = 'sb-done';
                    done.setAttribute('role', 'status');
                    done.textContent = answer.message;
                    container.replaceChildren(done);
                } else if (answer.status === 'invalid') {
                    showErrors(form, answer.errors || {});
                }
            }).catch(function () {
                button.disabled = false;
                status.textContent = 'The form could not be sent. Check your connection and try again.';
            });
        });
    }

    function load(container) {
        var key = container.getAttribute('data-switchboard-form');
        var lang = container.getAttribute('data-lang') || '';
        var query = lang ? '?lang=' + encodeURIComponent(lang) : '';
        new URLSearchParams(window.location.search).forEach(function (value, name) {
            query += (query ? '&' : '?') + encodeURIComponent(name) + '=' + encodeURIComponent(value); // hidden fields filled from the page address
        });
        fetch(base + '/forms/' + encodeURIComponent(key) + '/fragment' + query, {credentials: 'omit'}).then(function (response) {
            if (!response.ok) {
                throw new Error('form ' + key + ': ' + response.status);
            }
            return response.text();
        }).then(function (html) {
            container.classList.add('sb-form');
            container.innerHTML = html; // Switchboard's own markup: every text in it is escaped by the server
            wire(container, key, lang);
        }).catch(function () {
            container.textContent = '';
            var a = document.createElement('a');
            a.href = base + '/forms/' + encodeURIComponent(key);
            a.textContent = 'Open the form';
            container.appendChild(a);
        });
    }

    function start() {
        stylesheet();
        document.querySelectorAll('[data-switchboard-form]').forEach(load);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
