(function () {
  'use strict';
  var errors = document.getElementById('errors');
  window.onerror = function (message, source, line) {
    errors.textContent += message + ' (line ' + line + ')\n';
    document.body.setAttribute('data-errors', 'true');
  };
  var SVG = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('trace').textContent);

  function el(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function svg(name, attributes, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function rows(table, pairs) {
    pairs.forEach(function (pair) {
      var tr = el('tr');
      tr.appendChild(el('td', {}, pair[0]));
      var td = el('td');
      td.appendChild(el('pre', {}, pair.slice(1).join('\n')));
      tr.appendChild(td);
      table.appendChild(tr);
    });
  }

  function messages() {
    var all = [];
    data.flights.forEach(function (flight, f) {
      flight.messages.forEach(function (message) {
        message.flight = f;
        message.number = all.length + 1;
        all.push(message);
      });
    });
    return all;
  }

  function headline() {
    var get = {};
    data.parameters.forEach(function (row) { get[row[0]] = row[1]; });
    var parts = [get['protocol'], get['cipher suite'], get['group'], get['round trips'] && get['round trips'].split(' before')[0]];
    if (get['forward secrecy']) { parts.push('forward secrecy: ' + get['forward secrecy'].split(':')[0]); }
    document.getElementById('headline').textContent = parts.filter(Boolean).join(' \u00b7 ') || 'handshake did not complete';
    if (data.failure) {
      var failure = document.getElementById('failure');
      failure.hidden = false;
      failure.textContent = 'Failed: ' + data.failure;
    }
  }

  function diagram(list) {
    var width = 820, client = 200, server = 760, top = 48, row = 34, bottom = 16;
    var height = top + list.length * row + bottom;
    var root = svg('svg', { width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': 'sequence diagram of ' + list.length + ' messages' });
    var defs = svg('defs');
    ['client', 'server'].forEach(function (side) {
      var marker = svg('marker', { id: 'head-' + side, viewBox: '0 0 10 10', refX: 9, refY: 5,
        markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' });
      marker.appendChild(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: side === 'client' ? '#0b6e99' : '#9b2c87' }));
      defs.appendChild(marker);
    });
    root.appendChild(defs);
    var start = 0;
    data.flights.forEach(function (flight, f) {
      var y = top + start * row;
      var h = flight.messages.length * row;
      root.appendChild(svg('rect', { 'class': 'band' + (f % 2 ? ' odd' : ''), x: 0, y: y, width: width, height: h }));
      root.appendChild(svg('text', { 'class': 'flight-label', x: 10, y: y + 18 }, 'flight ' + (f + 1)));
      root.appendChild(svg('text', { 'class': 'flight-label', x: 10, y: y + 33 }, flight.from));
      start += flight.messages.length;
    });
    root.appendChild(svg('text', { 'class': 'actor', x: client, y: 24, 'text-anchor': 'middle' }, 'Client'));
    root.appendChild(svg('text', { 'class': 'actor', x: server, y: 24, 'text-anchor': 'middle' }, 'Server'));
    root.appendChild(svg('line', { 'class': 'lifeline', x1: client, y1: 32, x2: client, y2: height - 4 }));
    root.appendChild(svg('line', { 'class': 'lifeline', x1: server, y1: 32, x2: server, y2: height - 4 }));
    list.forEach(function (message, i) {
      var y = top + i * row + row - 10;
      var fromClient = message.from === 'client';
      var group = svg('g', { 'class': 'arrow ' + message.from + (message.encrypted ? ' enc' : ''), 'data-seq': message.seq });
      group.appendChild(svg('rect', { 'class': 'hit', x: client, y: y - row + 10, width: server - client, height: row }));
      group.appendChild(svg('line', { x1: fromClient ? client : server, y1: y, x2: fromClient ? server - 2 : client + 2, y2: y,
        'marker-end': 'url(#head-' + message.from + ')' }));
      var label = message.name + '  (' + message.length + (message.length === 1 ? ' byte' : ' bytes')
        + (message.encrypted ? ', encrypted' : '') + ')';
      group.appendChild(svg('text', { x: (client + server) / 2, y: y - 6, 'text-anchor': 'middle' }, label));
      group.addEventListener('click', function () {
        var details = document.getElementById('message-' + message.number);
        details.open = true;
        details.scrollIntoView({ block: 'center' });
      });
      root.appendChild(group);
    });
    document.getElementById('diagram').appendChild(root);
  }

  function details(list) {
    var box = document.getElementById('messages');
    list.forEach(function (message) {
      var item = el('details', { 'class': 'message ' + message.from, id: 'message-' + message.number });
      var summary = el('summary', {}, message.number + '. ' + message.name + ' ');
      summary.appendChild(el('span', { 'class': 'meta' }, message.from + ' \u2192 ' + (message.from === 'client' ? 'server' : 'client')
        + ', flight ' + (message.flight + 1) + ', ' + message.length + (message.length === 1 ? ' byte, ' : ' bytes, ')));
      summary.appendChild(el('span', { 'class': message.encrypted ? 'meta enc' : 'meta' }, message.encrypted ? 'encrypted' : 'plaintext'));
      item.appendChild(summary);
      item.appendChild(el('p', { 'class': 'purpose' }, message.purpose));
      if (message.fields.length) {
        var table = el('table');
        rows(table, message.fields);
        item.appendChild(table);
      }
      box.appendChild(item);
    });
  }

  function chain() {
    var box = document.getElementById('chain');
    var certificates = data.chain.slice().reverse();
    if (!certificates.length) {
      box.appendChild(el('p', { 'class': 'hint' }, 'No certificate crossed the wire.'));
      return;
    }
    var width = 820, boxWidth = 520, boxHeight = 74, gap = 54, left = 30;
    var height = certificates.length * boxHeight + (certificates.length - 1) * gap + 8;
    var root = svg('svg', { width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': 'certificate chain' });
    certificates.forEach(function (certificate, i) {
      var y = 4 + i * (boxHeight + gap);
      var role = certificate.anchor ? 'trust anchor (from the trust store)' : i === certificates.length - 1
        ? 'the ' + data.chainFrom + '\u2019s certificate' : 'intermediate';
      var group = svg('g', { 'class': 'cert' + (certificate.anchor ? ' anchor' : '') });
      group.appendChild(svg('rect', { x: left, y: y, width: boxWidth, height: boxHeight }));
      group.appendChild(svg('text', { 'class': 'name', x: left + 14, y: y + 22 }, certificate.subject));
      group.appendChild(svg('text', { 'class': 'small', x: left + 14, y: y + 42 },
        role + (certificate.sent ? ', sent by the ' + data.chainFrom : '') + ' \u00b7 ' + certificate.key));
      group.appendChild(svg('text', { 'class': 'small', x: left + 14, y: y + 60 },
        'valid ' + certificate.notBefore.slice(0, 10) + ' to ' + certificate.notAfter.slice(0, 10)));
      root.appendChild(group);
      if (i + 1 < certificates.length) {
        var link = certificates[i + 1].signedBy;
        var x = left + 60, y1 = y + boxHeight, y2 = y + boxHeight + gap;
        var g = svg('g', { 'class': 'link' });
        g.appendChild(svg('line', { x1: x, y1: y1 + 2, x2: x, y2: y2 - 4, 'marker-end': 'url(#chain-head)' }));
        g.appendChild(svg('text', { x: x + 14, y: y1 + gap / 2 + 4 }, 'signed ' + link.algorithm + ' '));
        var verdict = link.matches === null ? 'not checked' : link.matches ? '\u2713 signature matches' : '\u2717 signature does not match';
        g.appendChild(svg('text', { 'class': link.matches ? 'ok' : 'bad', x: x + 260, y: y1 + gap / 2 + 4 }, verdict));
        root.appendChild(g);
      }
    });
    var defs = svg('defs');
    var marker = svg('marker', { id: 'chain-head', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto' });
    marker.appendChild(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#4a5568' }));
    defs.appendChild(marker);
    root.insertBefore(defs, root.firstChild);
    box.appendChild(root);
    var checks = document.getElementById('checks');
    data.checks.forEach(function (text) { checks.appendChild(el('li', {}, text)); });
    document.getElementById('checks-box').hidden = !data.checks.length;
  }

  var list = messages();
  headline();
  diagram(list);
  details(list);
  chain();
  rows(document.getElementById('secrets'), data.secrets);
  rows(document.getElementById('parameters'), data.parameters);
  var linked = location.hash && document.getElementById(location.hash.slice(1));
  if (linked && linked.tagName === 'DETAILS') {
    linked.open = true;
  }
  document.getElementById('status').textContent = 'rendered ' + list.length + ' messages';
  document.body.setAttribute('data-rendered', 'true');
})();
