// The public live page (issue 35): follows /truc-tiep/{id}/su-kien (Server-Sent Events; the browser reconnects by
// itself, the server then sends the whole view again) and keeps the page as the hall is. Small on purpose: 2G phones.
(function () {
  'use strict';
  var main = document.getElementById('live');
  if (!main || !window.EventSource) return;
  var ds = main.dataset, $ = function (id) { return document.getElementById(id); };
  var petitions = {}, speaking = null, limit = 0, offset = 0;

  function text(el, s) { el.textContent = s; }
  function fmt(s, args) { return s.replace(/\{(\d)\}/g, function (_, i) { return args[+i]; }); }
  function li(s) { var e = document.createElement('li'); e.textContent = s; return e; }
  function label(p) { return p.l + (p.po ? ' (' + ds.po + ')' : ''); }

  function tick() {
    var t = $('timer');
    if (!speaking || !speaking.st) { text(t, '—'); t.className = ''; return; }
    var left = limit - Math.floor((Date.now() + offset - speaking.st) / 1000), a = Math.abs(left);
    var mmss = Math.floor(a / 60) + ':' + ('0' + (a % 60)).slice(-2);
    text(t, left < 0 ? ds.over + ' ' + mmss : mmss);
    t.className = left < 0 ? 'over' : '';
  }

  function apply(m) {
    offset = m.t - Date.now();
    text($('state'), m.sn);
    text($('agenda'), m.a ? fmt(ds.step, [m.ai, m.ac, m.a]) : '—');
    speaking = m.sp || null; limit = m.lim;
    text($('speaking'), speaking ? label(speaking) : ds.nobody);
    var next = $('next'); next.textContent = '';
    (m.nx || []).forEach(function (n) { next.appendChild(li(label(n))); });
    var more = (m.w || 0) - (m.nx || []).length;
    text($('more'), !m.nx || m.nx.length === 0 ? ds.nowait : more > 0 ? fmt(ds.more, [more]) : '');
    text($('latest'), m.la ? label(m.la) : '—');
    if (m.full) petitions = {};
    (m.p || []).forEach(function (p) { petitions[p.i] = p; });
    var list = $('petitions'); list.textContent = '';
    Object.keys(petitions).forEach(function (id) {
      var p = petitions[id], e = document.createElement('li'), b = document.createElement('b');
      e.setAttribute('data-id', id); b.textContent = p.c; e.appendChild(b);
      e.appendChild(document.createTextNode(' — ' + p.f + ': ' + (p.d || ds.unassigned) + ' (' + p.s + ')'));
      list.appendChild(e);
    });
    var none = $('nopet'); if (none) none.hidden = Object.keys(petitions).length > 0;
    mine(m);
    var over = m.s === 'Concluded' || m.s === 'Closed';
    $('end').hidden = !over;
    text($('conclusion'), m.c || '');
    tick();
  }

  // A citizen following their own request (?ban=…): what it became, and their turn when the chair calls them.
  var me = $('me'), myId = null, myState = null, asking = false, last = null;
  function ask() {
    if (!me || asking || myState === 'Rejected' || myId) return;
    asking = true;
    fetch(location.pathname.replace(/\/$/, '') + '/ban/' + encodeURIComponent(me.dataset.key), { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) { asking = false; if (s) { myState = s.st; myId = s.sid || null; if (last) mine(last); } })
      .catch(function () { asking = false; });
  }
  function mine(m) {
    last = m;
    if (!me) return;
    if (!myId) ask();
    var turn = myId && m.sp && m.sp.id === myId, st = $('me-state');
    $('me-turn').hidden = !turn;
    text(st, turn ? '' : myState === 'Rejected' ? me.dataset.rejected : myId ? me.dataset.accepted : me.dataset.pending);
  }

  // The hall's sound (a stream server's, not the portal's): say plainly whether it plays.
  var sound = $('sound'), soundState = $('sound-state');
  if (sound) {
    // A live stream that stops (the laptop's Icecast falls, the link drops) may end, fail or just stop advancing:
    // each is said as down, and a listener who pressed play is reconnected every few seconds until it comes back.
    var wanted = false, heardAt = -1, still = 0, retry = 0;
    var down = function () { text(soundState, soundState.dataset.down); };
    sound.addEventListener('play', function () { wanted = true; });
    sound.addEventListener('pause', function () { if (!sound.ended && !sound.error) wanted = false; });
    sound.addEventListener('playing', function () { still = 0; text(soundState, soundState.dataset.playing); });
    sound.addEventListener('waiting', function () { text(soundState, soundState.dataset.loading); });
    ['error', 'stalled', 'ended', 'emptied'].forEach(function (e) { sound.addEventListener(e, down); });
    setInterval(function () {
      if (!wanted) return;
      if (sound.currentTime !== heardAt && !sound.paused && !sound.error) { heardAt = sound.currentTime; still = 0; return; }
      if (++still === 4) down();
      if (still >= 4 && ++retry % 5 === 0) { sound.load(); sound.play().catch(function () {}); }
    }, 1000);
  }

  // The province's video player, loaded only when the viewer asks for it (a 2G phone does not pay for it otherwise).
  var show = $('video-show');
  if (show) {
    show.hidden = false;
    show.addEventListener('click', function () {
      var f = document.createElement('iframe');
      f.src = show.dataset.src; f.title = show.dataset.title;
      f.setAttribute('allow', 'autoplay; encrypted-media; picture-in-picture; fullscreen');
      f.setAttribute('allowfullscreen', '');
      $('video').appendChild(f);
      show.hidden = true;
    });
  }

  var status = $('status');
  // The browser retries a dropped stream by itself, but gives up for good on an answer other than the stream (a
  // portal starting or stopping, a proxy's error page): then the page opens a new one itself, every few seconds.
  // A mobile link may also drop without closing: the stream then says nothing, not even its heartbeat ("ping", every
  // data-beat seconds while the hall is quiet). Silent for twice that: the page says so and opens a new stream.
  var current = null, seenAt = Date.now(), stale = (+ds.beat || 15) * 2000 + 3000;
  function seen() { seenAt = Date.now(); }
  setInterval(function () {
    if (!current || Date.now() - seenAt <= stale) return;
    current.close(); text(status, ds.off); status.className = 'off';
    seen(); follow();
  }, 1000);
  function follow() {
    var source = current = new EventSource(location.pathname.replace(/\/$/, '') + '/su-kien');
    source.onmessage = function (e) { seen(); apply(JSON.parse(e.data)); };
    source.addEventListener('ping', seen);
    source.onopen = function () { seen(); text(status, ds.on); status.className = ''; };
    source.onerror = function () {
      text(status, ds.off); status.className = 'off';
      if (source.readyState === EventSource.CLOSED && source === current) setTimeout(follow, 3000);
    };
  }
  follow();
  setInterval(tick, 1000);
})();
