// @ts-check
// Web chat client: plain JavaScript, no build step. Talks to POST webchat/api/messages relative to the page:
// /webchat/api/messages at `/`, /x/<id>/webchat/api/messages on a commune's page.
(function () {
  'use strict';
  var API = 'webchat/api/messages';
  // One conversation per commune: a citizen asking two communes' chats gets two sessions.
  var commune = /^\/x\/([^/]+)\//.exec(window.location.pathname);
  var SESSION_KEY = 'motcua.session' + (commune ? ':' + commune[1] : '');
  /** The page's element with this id; index.html always has it. */
  function byId(id) {
    var el = document.getElementById(id);
    if (!el) throw new Error('#' + id + ' is missing from the page');
    return el;
  }
  var messages = byId('messages');
  var form = byId('composer');
  var input = /** @type {HTMLTextAreaElement} */ (byId('input'));
  var sendButton = /** @type {HTMLButtonElement} */ (byId('send'));
  var busy = false;

  function newSessionId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    var s = '';
    for (var i = 0; i < 32; i++) s += Math.floor(Math.random() * 16).toString(16);
    return s;
  }

  function sessionId() {
    var id = null;
    try {
      id = window.localStorage.getItem(SESSION_KEY);
    } catch (e) {
      /* private mode */
    }
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      id = newSessionId();
      try {
        window.localStorage.setItem(SESSION_KEY, id);
      } catch (e) {
        /* ignore */
      }
    }
    return id;
  }

  function scrollDown() {
    messages.scrollTop = messages.scrollHeight;
  }

  function bubble(text, who, extra) {
    var div = document.createElement('div');
    div.className = 'msg msg--' + who + (extra ? ' ' + extra : '');
    div.textContent = text; // never innerHTML: replies are shown as plain text
    messages.appendChild(div);
    scrollDown();
    return div;
  }

  function clearOptions() {
    var old = messages.querySelectorAll('.options');
    for (var i = 0; i < old.length; i++) old[i].remove();
  }

  function showOptions(options) {
    if (!options || !options.length) return;
    var box = document.createElement('div');
    box.className = 'options';
    options.forEach(function (o) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'option';
      b.textContent = o;
      box.appendChild(b);
    });
    messages.appendChild(box);
    scrollDown();
  }

  function setBusy(v) {
    busy = v;
    sendButton.disabled = v;
  }

  function ask(text) {
    text = (text || '').trim();
    if (!text || busy) return;
    clearOptions();
    bubble(text, 'user');
    input.value = '';
    autosize();
    setBusy(true);
    var typing = bubble('Em đang trả lời…', 'bot', 'msg--typing');
    fetch(API, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sessionId: sessionId(), text: text }),
    })
      .then(function (res) {
        return res
          .json()
          .catch(function () {
            return {};
          })
          .then(function (data) {
            return { ok: res.ok, data: data };
          });
      })
      .then(function (r) {
        typing.remove();
        if (r.ok && r.data && Array.isArray(r.data.replies)) {
          r.data.replies.forEach(function (reply) {
            bubble(reply.text, 'bot');
          });
          var last = r.data.replies[r.data.replies.length - 1];
          if (last) showOptions(last.options);
        } else {
          bubble(
            (r.data && r.data.message) ||
              'Dạ, em xin lỗi anh/chị, em chưa trả lời được lúc này. Anh/chị vui lòng thử lại sau ít phút hoặc gọi đường dây nóng của Bộ phận Một cửa xã ạ.',
            'bot',
            'msg--error',
          );
        }
      })
      .catch(function () {
        typing.remove();
        bubble(
          'Dạ, em xin lỗi anh/chị, kết nối đang bị gián đoạn nên em chưa nhận được câu hỏi. Anh/chị vui lòng kiểm tra mạng rồi gửi lại giúp em ạ.',
          'bot',
          'msg--error',
        );
      })
      .then(function () {
        setBusy(false);
        input.focus();
      });
  }

  function autosize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 120) + 'px';
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    ask(input.value);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      ask(input.value);
    }
  });
  input.addEventListener('input', autosize);
  messages.addEventListener('click', function (e) {
    var t = /** @type {HTMLElement | null} */ (e.target);
    if (t && t.classList && t.classList.contains('option')) ask(t.textContent);
  });
})();
