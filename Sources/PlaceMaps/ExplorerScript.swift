/// The explorer page's markup around the map, its style sheet and its script. The script reads the
/// atoms from the page's JSON, applies the scenario's rows to them and recomputes every figure; it
/// writes text only through `textContent` and `Option`, never `innerHTML`, so names cannot inject markup.
enum ExplorerScript {
    static let css = """
        body{font-family:Arial,Helvetica,sans-serif;color:#0B0C0C;margin:0 auto;max-width:1400px;padding:0 16px 40px;line-height:1.4}
        h1{font-size:1.6em;margin:.6em 0 .2em}h2{border-top:4px solid #12436D;padding-top:.4em;margin-top:1.2em;font-size:1.25em}
        h3{margin:.8em 0 .3em;font-size:1em}
        .note{color:#505A5F;font-size:.9em}
        .layout{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start}
        #controls{flex:0 1 380px;min-width:300px}#figures{flex:1 1 760px}
        form{border:1px solid #B1B4B6;padding:8px 10px;margin:0 0 10px}
        label{display:block;font-weight:bold;font-size:.9em;margin:.4em 0 .1em}
        select,input,button,textarea{font:inherit;font-size:.9em}
        select,input[type=text],textarea{width:100%;box-sizing:border-box}
        button{margin:.4em .3em 0 0;padding:4px 10px;border:2px solid #12436D;background:#12436D;color:#FFF;cursor:pointer}
        button.secondary{background:#FFF;color:#12436D}button:disabled{opacity:.45;cursor:default}
        :focus-visible{outline:3px solid #F46A25;outline-offset:1px}
        fieldset{border:0;padding:0;margin:0}legend{font-weight:bold;font-size:.9em}
        .checklist{max-height:180px;overflow:auto;border:1px solid #B1B4B6;padding:2px 4px;font-size:.85em}
        .checklist label{font-weight:normal;display:block;margin:0}
        #scenario-summary dl{display:grid;grid-template-columns:auto auto;gap:2px 14px;margin:.2em 0}
        #scenario-summary dt{font-weight:normal}#scenario-summary dd{margin:0;font-weight:bold;font-variant-numeric:tabular-nums}
        svg.map{max-width:100%;height:auto;border:1px solid #B1B4B6}svg.map path[data-atom]{cursor:pointer}
        table{border-collapse:collapse;font-size:.85em;margin:.4em 0}
        th,td{border-bottom:1px solid #B1B4B6;padding:3px 8px;text-align:left;vertical-align:top}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        .pass{color:#0B0C0C}.pass::before{content:"\\2713  ";color:#28A197;font-weight:bold}
        .fail{color:#801650;font-weight:bold}.fail::before{content:"\\2717  "}
        .swatch{display:inline-block;width:.9em;height:.9em;vertical-align:middle;margin-right:4px;border:1px solid #0B0C0C}
        #problems p{margin:.2em 0}.warning{color:#801650;font-weight:bold}
        ol#rows{font-size:.85em;padding-left:1.6em}ol#rows code{font-size:.95em}
        .legend{font-size:.85em;margin:.3em 0}.legend span{margin-right:12px}
        """

    /// The controls, the summary and the map, and the tables the script fills.
    static func body(map: String) -> String {
        """
        <main class="layout">
        <section id="controls" aria-labelledby="controls-title">
        <h2 id="controls-title">Build the scenario</h2>
        <form id="move-form"><h3>Give a council to a system</h3>
        <label for="move-place">Council (click the map to pick one)</label><select id="move-place"></select>
        <label for="move-to">System</label><select id="move-to"></select>
        <button type="submit" id="move-button">Give it to the system</button></form>
        <form id="merge-form"><h3>Merge systems into a new one</h3>
        <fieldset><legend>Systems to merge</legend><div id="merge-list" class="checklist"></div></fieldset>
        <label for="merge-code">Code of the new system</label><input type="text" id="merge-code" autocomplete="off">
        <label for="merge-name">Name of the new system</label><input type="text" id="merge-name" autocomplete="off">
        <button type="submit" id="merge-button">Merge them</button></form>
        <form id="unitary-form"><h3>Merge districts into a unitary council</h3>
        <label for="unitary-places">Districts (several: Shift or Ctrl with arrows, clicks or Space)</label>
        <select id="unitary-places" multiple size="8"></select>
        <label for="unitary-code">Code of the unitary</label><input type="text" id="unitary-code" autocomplete="off">
        <label for="unitary-name">Name of the unitary</label><input type="text" id="unitary-name" autocomplete="off">
        <button type="submit" id="unitary-button">Make the unitary</button></form>
        <div><button type="button" id="undo" class="secondary">Undo</button><button type="button" id="redo" class="secondary">Redo</button>
        <button type="button" id="reset" class="secondary">Reset</button><button type="button" id="download">Download scenario CSV</button></div>
        <label for="load-file">Load a scenario CSV</label><input type="file" id="load-file" accept=".csv,text/csv">
        <p id="status" role="status" aria-live="polite"></p>
        <div id="problems" role="alert"></div>
        <h3>Scenario rows, applied in order</h3><ol id="rows"></ol>
        <label for="csv">The scenario as CSV (<code>placemap scenario FILE</code> gives the same figures)</label>
        <textarea id="csv" rows="6" readonly></textarea>
        </section>
        <section id="figures" aria-labelledby="figures-title">
        <h2 id="figures-title">What the scenario gives</h2>
        <div id="scenario-summary" aria-live="polite"><dl id="summary-list"></dl><p class="note" id="timing"></p></div>
        <figure>\(map)
        <figcaption class="legend"><span><span class="swatch" style="background:#12436D"></span>colour: the system (neighbours differ)</span>
        <span>black lines: system borders; white: council borders; dashed: the council picked; rings: parts of a system cut off from its largest piece</span></figcaption></figure>
        </section>
        </main>
        <section aria-labelledby="checks-title"><h2 id="checks-title">Design checks, per system</h2>
        <p class="note">Each council with one system (every council with people in the system has all its people in it); each system at least 1,000,000 people; each system in one piece (its blocks connected through shared borders of positive length, rook adjacency: blocks meeting only at a corner do not join, as in <code>placemap scenario</code>).</p>
        <table id="checks"><thead><tr><th>System</th><th>Code</th><th class="n">People</th><th class="n">Aged 65+</th><th class="n">Councils (whole / all)</th><th>Each council with one system</th><th>At least 1,000,000</th><th>One piece</th></tr></thead><tbody></tbody></table></section>
        <section aria-labelledby="splits-title"><h2 id="splits-title">Councils split between systems</h2>
        <table id="splits"><thead><tr><th>Council</th><th>Code</th><th class="n">People</th><th>People on each side</th></tr></thead><tbody></tbody></table></section>
        """
    }

    static let script = #"""
        (function(){
        'use strict';
        var D=JSON.parse(document.getElementById('explorer-data').textContent);
        var N=D.place.length, PALETTE=['#12436D','#28A197','#801650','#F46A25','#3D3D3D','#A285D1'];
        var HEADER=['change','code','to_code','to_name'];
        function $(id){return document.getElementById(id)}
        function el(tag,text,cls){var e=document.createElement(tag);if(text!=null)e.textContent=text;if(cls)e.className=cls;return e}
        function fmt(n){return Math.round(n).toLocaleString('en-GB')}
        function pct(x){return (Math.round(x*1000)/10).toFixed(1)+'%'}
        var base={sys:D.system.map(function(i){return D.systems[i][0]}),place:D.place.map(function(i){return D.places[i][0]}),
          upper:D.upper.map(function(i){return D.uppers[i][0]})};
        var baseSysNames=new Map(D.systems.map(function(a){return [a[0],a[1]]}));
        var basePlaceNames=new Map(D.uppers.concat(D.places).map(function(a){return [a[0],a[1]]}));
        var current=[],past=[],future=[],picked=null,colourOf=new Map(),lastMs=0;
        var paths=[];document.querySelectorAll('#atoms path').forEach(function(p){paths[+p.getAttribute('data-atom')]=p});

        // CSV, RFC 4180: quoted fields with commas, quotes and line breaks; a byte-order mark tolerated.
        function parseCSV(text){
          if(text.charCodeAt(0)===0xFEFF)text=text.slice(1);
          var out=[],rec=[],field='',q=false,line=1,start=1,any=false;
          function end(){rec.push(field);if(any||rec.length>1||field!=='')out.push({cells:rec,line:start});rec=[];field='';any=false}
          for(var i=0;i<text.length;i++){var c=text[i];
            if(q){if(c==='"'){if(text[i+1]==='"'){field+='"';i++}else q=false}else{if(c==='\n')line++;field+=c}}
            else if(c==='"'){q=true;any=true}
            else if(c===','){rec.push(field);field='';any=true}
            else if(c==='\r'||c==='\n'){if(c==='\r'&&text[i+1]==='\n')i++;end();line++;start=line}
            else{field+=c;any=true}}
          if(any||field!==''||rec.length)end();
          return out}
        function quote(s){return /[",\r\n]/.test(s)?'"'+s.replace(/"/g,'""')+'"':s}
        function toCSV(rows){return [HEADER.join(',')].concat(rows.map(function(r){return [r.change,r.code,r.to,r.name].map(quote).join(',')})).join('\r\n')+'\r\n'}
        function readRows(text){
          var recs=parseCSV(text),rows=[],problems=[];
          if(!recs.length)return {rows:rows,problems:['the scenario is empty: it needs the header change,code,to_code,to_name']};
          var h=recs[0].cells.map(function(s){return s.trim().toLowerCase()});
          var at=HEADER.map(function(c){return h.indexOf(c)});
          if(at.indexOf(-1)>=0)return {rows:rows,problems:['line '+recs[0].line+': no column "'+HEADER[at.indexOf(-1)]+'": the header is change,code,to_code,to_name']};
          recs.slice(1).forEach(function(r){
            if(r.cells.length<h.length){problems.push('line '+r.line+': '+r.cells.length+' fields, the header has '+h.length);return}
            var v=function(k){return r.cells[at[k]].trim()};
            rows.push({change:v(0).toLowerCase(),code:v(1),to:v(2),name:v(3),line:r.line})});
          return {rows:rows,problems:problems}}

        // The scenario applied to the atoms: each row in order, later rows winning.
        function apply(rows){
          var st={sys:base.sys.slice(),place:base.place.slice(),upper:base.upper.slice(),sysNames:new Map(baseSysNames),
            placeNames:new Map(basePlaceNames),errors:[],unsupported:[],overridden:[]};
          var given=new Map(),seen=new Map(),lastRow=new Array(N).fill(-1);
          rows.forEach(function(r){given.has(r.to)||!r.name||given.set(r.to,r.name)});
          rows.forEach(function(r,k){
            var line=r.line||k+2;
            function bad(m){st.errors.push('line '+line+' ('+r.code+'): '+m)}
            if(['merge-system','move-place','move-block','merge-place'].indexOf(r.change)<0){bad('unknown change "'+r.change+'": use merge-system, move-place, move-block or merge-place');return}
            if(!r.code){bad('the code is empty');return}
            if(!r.to){bad('to_code is empty');return}
            var key=r.change+' '+r.code;if(seen.has(key)){bad(key+' appears again (first on line '+seen.get(key)+')');return}seen.set(key,line);
            if(r.name&&given.get(r.to)!==r.name){bad(r.to+' is named "'+r.name+'" here but "'+given.get(r.to)+'" on another row');return}
            var isNew=r.change==='merge-place'?!st.placeNames.has(r.to):!st.sysNames.has(r.to);
            if(isNew&&!given.get(r.to)&&r.change!=='move-block'){bad(r.to+' is new and has no name: give it in to_name');return}
            var moved=[];
            if(r.change==='merge-system'){
              if(!st.sysNames.has(r.code)){bad(r.code+' is not a system');return}
              for(var i=0;i<N;i++)if(st.sys[i]===r.code){st.sys[i]=r.to;moved.push(i)}
            }else if(r.change==='move-place'||r.change==='merge-place'){
              if(!st.placeNames.has(r.code)){bad(r.code+' is not a council');return}
              for(var j=0;j<N;j++)if(st.place[j]===r.code||st.upper[j]===r.code||base.place[j]===r.code||base.upper[j]===r.code){
                if(r.change==='move-place'){st.sys[j]=r.to;moved.push(j)}else st.place[j]=r.to}
              if(r.change==='merge-place'){if(!st.placeNames.has(r.to)||r.name)st.placeNames.set(r.to,r.name||st.placeNames.get(r.to));
                for(var u=0;u<N;u++)if(st.place[u]===r.to)st.upper[u]=r.to}
            }else if(r.change==='move-block'){st.unsupported.push('line '+line+': move-block '+r.code+' → '+r.to+
              ' moves one block; this page moves whole atoms only, so the row is NOT applied here (placemap scenario applies it)');return
            }else{bad('unknown change "'+r.change+'": use merge-system, move-place, move-block or merge-place');return}
                        if(r.change!=='merge-place'){
              if(!st.sysNames.has(r.to)||r.name)st.sysNames.set(r.to,r.name||st.sysNames.get(r.to)||r.to);
              var over=new Map();
              moved.forEach(function(i){var p=lastRow[i];if(p>=0&&p!==k&&r.change!=='merge-system')over.set(p,(over.get(p)||0)+D.population[i]);lastRow[i]=k});
              over.forEach(function(people,p){st.overridden.push('line '+(rows[p].line||p+2)+' overridden by line '+line+' for '+fmt(people)+' people')})}
          });
          return st}

        // Every figure of the scenario, as placemap scenario computes it.
        function figures(st){
          var sys=new Map(),places=new Map(),uppers=new Map();
          function rec(m,code,make){var r=m.get(code);if(!r){r=make();m.set(code,r)}return r}
          for(var i=0;i<N;i++){
            var s=rec(sys,st.sys[i],function(){return {code:st.sys[i],name:st.sysNames.get(st.sys[i])||st.sys[i],pop:0,old:0,atoms:[],places:new Set()}});
            s.pop+=D.population[i];s.old+=D.population65[i];s.atoms.push(i);
            [[places,st.place[i]],[uppers,st.upper[i]]].forEach(function(t){
              var p=rec(t[0],t[1],function(){return {code:t[1],name:st.placeNames.get(t[1])||t[1],pop:0,by:new Map()}});
              p.pop+=D.population[i];if(D.population[i]>0)p.by.set(st.sys[i],(p.by.get(st.sys[i])||0)+D.population[i])});
            if(D.population[i]>0)s.places.add(st.place[i])}
          function splits(m){var out=[];m.forEach(function(p){if(p.by.size>1)out.push(p)});
            return out.sort(function(a,b){return a.name<b.name?-1:a.name>b.name?1:a.code<b.code?-1:1})}
          var split=splits(places),splitSet=new Set(split.map(function(p){return p.code}));
          var comp=new Array(N).fill(-1),list=[];
          sys.forEach(function(s){
            var pieces=[];
            s.atoms.forEach(function(a){if(comp[a]>=0)return;var piece=[a],area=D.area[a];comp[a]=pieces.length;
              for(var k=0;k<piece.length;k++)D.neighbours[piece[k]].forEach(function(b){if(comp[b]<0&&st.sys[b]===s.code){comp[b]=pieces.length;piece.push(b);area+=D.area[b]}});
              pieces.push({atoms:piece,area:area})});
            pieces.sort(function(a,b){return b.area-a.area||b.atoms.length-a.atoms.length});
            s.pieces=pieces.length;s.exclaves=[].concat.apply([],pieces.slice(1).map(function(p){return p.atoms}));
            var whole=0;s.places.forEach(function(p){if(!splitSet.has(p))whole++});
            s.wholePlaces=whole;s.placeCount=s.places.size;s.whole=whole===s.places.size;list.push(s)});
          list.sort(function(a,b){return a.name<b.name?-1:a.name>b.name?1:a.code<b.code?-1:1});
          return {systems:list,split:split,splitUppers:splits(uppers),
            people:split.reduce(function(t,p){return t+p.pop},0),
            under:list.filter(function(s){return s.pop<1000000}).length,
            notOne:list.filter(function(s){return s.pieces>1}).length,
            whole:list.filter(function(s){return s.whole}).length}}

        var before=figures(apply([]));
        function rows(){return current}

        function colours(st,f){
          var adj=new Map();f.systems.forEach(function(s){adj.set(s.code,new Set())});
          D.sides.forEach(function(sd){if(sd.length===2){var a=st.sys[sd[0]],b=st.sys[sd[1]];if(a!==b){adj.get(a).add(b);adj.get(b).add(a)}}});
          var order=f.systems.map(function(s){return s.code}).sort(function(a,b){return adj.get(b).size-adj.get(a).size||(a<b?-1:1)});
          var next=new Map();
          order.forEach(function(c){var used=new Set();adj.get(c).forEach(function(n){if(next.has(n))used.add(next.get(n))});
            var keep=colourOf.get(c),pick=keep!==undefined&&!used.has(keep)?keep:PALETTE.findIndex(function(_,k){return !used.has(k)});
            next.set(c,pick<0?0:pick)});
          colourOf=next}

        function drawMap(st,f){
          colours(st,f);
          for(var i=0;i<N;i++)if(paths[i])paths[i].setAttribute('fill',PALETTE[colourOf.get(st.sys[i])]);
          var pb=[],sb=[];
          D.sides.forEach(function(sd,k){var d=D.arcs[k];if(!d)return;
            if(sd.length<2||st.sys[sd[0]]!==st.sys[sd[1]])sb.push(d);else if(st.place[sd[0]]!==st.place[sd[1]])pb.push(d)});
          $('place-borders').setAttribute('d',pb.join(''));$('system-borders').setAttribute('d',sb.join(''));
          var ns=$('explorer-map').namespaceURI,g=$('exclaves');while(g.firstChild)g.removeChild(g.firstChild);
          f.systems.forEach(function(s){s.exclaves.forEach(function(a){var c=document.createElementNS(ns,'circle');
            c.setAttribute('cx',D.cx[a]);c.setAttribute('cy',D.cy[a]);c.setAttribute('r',Math.max(D.r[a]+3,7));
            c.setAttribute('data-system',s.code);g.appendChild(c)})});
          var sel=$('selection');while(sel.firstChild)sel.removeChild(sel.firstChild);
          if(picked){var d='';for(var j=0;j<N;j++)if((st.place[j]===picked||st.upper[j]===picked)&&paths[j])d+=paths[j].getAttribute('d');
            var p=document.createElementNS(ns,'path');p.setAttribute('d',d);sel.appendChild(p)}}

        function option(text,value){return new Option(text,value)}
        var filled=new Map();
        function fillSelect(sel,items,multiple){
          var key=JSON.stringify(items);if(filled.get(sel.id)===key)return;filled.set(sel.id,key);
          var keep=multiple?new Set(Array.from(sel.selectedOptions).map(function(o){return o.value})):sel.value;
          var frag=document.createDocumentFragment();
          items.forEach(function(it){if(it.group){var g=document.createElement('optgroup');g.label=it.group;it.items.forEach(function(x){g.appendChild(option(x[1]+' ('+x[0]+')',x[0]))});frag.appendChild(g)}
            else frag.appendChild(option(it[1]+' ('+it[0]+')',it[0]))});
          sel.textContent='';sel.appendChild(frag);
          if(multiple)Array.from(sel.options).forEach(function(o){o.selected=keep.has(o.value)});else if(keep)sel.value=keep}
        function byName(a,b){return a[1]<b[1]?-1:a[1]>b[1]?1:a[0]<b[0]?-1:1}
        function fresh(prefix,taken){for(var n=1;;n++){var c=prefix+String(n).padStart(2,'0');if(!taken.has(c))return c}}

        function controls(st,f){
          var lower=new Map(),upper=new Map();
          for(var i=0;i<N;i++){lower.set(st.place[i],st.placeNames.get(st.place[i]));if(st.upper[i]!==st.place[i])upper.set(st.upper[i],st.placeNames.get(st.upper[i]))}
          var lows=Array.from(lower).sort(byName),ups=Array.from(upper).sort(byName);
          var sysItems=f.systems.map(function(s){return [s.code,s.name]}).sort(byName);
          fillSelect($('move-place'),[{group:'Councils ('+D.geographies[0]+')',items:lows},{group:'Upper-tier councils ('+D.geographies[1]+'): all their districts',items:ups}]);
          fillSelect($('move-to'),sysItems);
          fillSelect($('unitary-places'),lows.concat(ups),true);
          var list=$('merge-list'),key=JSON.stringify(sysItems);
          if(filled.get('merge-list')!==key){filled.set('merge-list',key);
            var checked=new Set(Array.from(list.querySelectorAll('input:checked')).map(function(c){return c.value})),frag=document.createDocumentFragment();
            sysItems.forEach(function(s){var l=el('label'),c=document.createElement('input');c.type='checkbox';c.value=s[0];c.checked=checked.has(s[0]);
              l.appendChild(c);l.appendChild(document.createTextNode(' '+s[1]+' ('+s[0]+')'));frag.appendChild(l)});
            list.textContent='';list.appendChild(frag)}
          var allSys=new Set(st.sysNames.keys()),allPlaces=new Set(st.placeNames.keys());
          [['merge-code',fresh('NEW-SYS-',allSys)],['unitary-code',fresh('NEW-UA-',allPlaces)]].forEach(function(x){var inp=$(x[0]);
            if(!inp.value||inp.getAttribute('data-auto')===inp.value){inp.value=x[1];inp.setAttribute('data-auto',x[1])}});
          $('undo').disabled=!past.length;$('redo').disabled=!future.length;$('reset').disabled=!current.length}

        function tables(st,f){
          var tb=$('checks').tBodies[0];while(tb.firstChild)tb.removeChild(tb.firstChild);
          f.systems.forEach(function(s){var tr=el('tr');tr.setAttribute('data-code',s.code);
            var sw=el('span',null,'swatch');sw.style.background=PALETTE[colourOf.get(s.code)];var td=el('td');td.appendChild(sw);td.appendChild(document.createTextNode(s.name));tr.appendChild(td);
            tr.appendChild(el('td',s.code));tr.appendChild(el('td',fmt(s.pop),'n'));tr.appendChild(el('td',s.pop>0?pct(s.old/s.pop):'–','n'));
            tr.appendChild(el('td',s.wholePlaces+' / '+s.placeCount,'n'));
            var shared=[];s.places.forEach(function(p){if(f.split.some(function(x){return x.code===p}))shared.push(st.placeNames.get(p)||p)});
            tr.appendChild(el('td',s.whole?'pass':'fail: '+shared.sort().join(', ')+' shared',s.whole?'pass':'fail'));
            tr.appendChild(el('td',s.pop>=1000000?'pass':'fail: '+fmt(s.pop),s.pop>=1000000?'pass':'fail'));
            var cut=new Set(s.exclaves.map(function(a){return st.placeNames.get(st.place[a])}));
            var blocks=s.exclaves.reduce(function(t,a){return t+D.blocks[a]},0);
            tr.appendChild(el('td',s.pieces===1?'pass':'fail: '+s.pieces+' pieces; '+blocks+' block'+(blocks===1?'':'s')+' cut off ('+Array.from(cut).sort().join(', ')+')',s.pieces===1?'pass':'fail'));
            tb.appendChild(tr)});
          var sb=$('splits').tBodies[0];while(sb.firstChild)sb.removeChild(sb.firstChild);
          f.split.forEach(function(p){var tr=el('tr');tr.setAttribute('data-code',p.code);
            tr.appendChild(el('td',p.name));tr.appendChild(el('td',p.code));tr.appendChild(el('td',fmt(p.pop),'n'));
            var sides=Array.from(p.by).sort(function(a,b){return b[1]-a[1]}).map(function(x){return (st.sysNames.get(x[0])||x[0])+': '+fmt(x[1])+' ('+pct(x[1]/p.pop)+')'});
            tr.appendChild(el('td',sides.join('; ')));sb.appendChild(tr)});
          if(!f.split.length){var tr=el('tr');var td=el('td','No council is split: each is wholly in one system.');td.colSpan=4;tr.appendChild(td);sb.appendChild(tr)}}

        function summary(st,f){
          var box=$('scenario-summary');
          [['split-places',f.split.length],['systems',f.systems.length],['systems-under-1m',f.under],['systems-not-one-piece',f.notOne],
           ['split-places-before',before.split.length],['rows',rows().length],['errors',st.errors.length],['unsupported-rows',st.unsupported.length]]
            .forEach(function(x){box.setAttribute('data-'+x[0],String(x[1]))});
          var dl=$('summary-list');while(dl.firstChild)dl.removeChild(dl.firstChild);
          [['Councils ('+D.geographies[0]+') split between systems',before.split.length+' → '+f.split.length],
           ['People in split councils',fmt(before.people)+' → '+fmt(f.people)],
           ['Upper-tier councils ('+D.geographies[1]+') split',before.splitUppers.length+' → '+f.splitUppers.length],
           ['Systems',before.systems.length+' → '+f.systems.length],
           ['Systems made of whole councils',f.whole+' of '+f.systems.length],
           ['Systems under 1,000,000 people',before.under+' → '+f.under],
           ['Systems not in one piece',before.notOne+' → '+f.notOne]].forEach(function(x){dl.appendChild(el('dt',x[0]));dl.appendChild(el('dd',x[1]))})}

        function problems(st,extra){
          var box=$('problems');while(box.firstChild)box.removeChild(box.firstChild);
          (extra||[]).concat(st.errors).forEach(function(m){box.appendChild(el('p','Not applied: '+m,'warning'))});
          st.unsupported.forEach(function(m){box.appendChild(el('p','Not supported: '+m,'warning'))});
          st.overridden.forEach(function(m){box.appendChild(el('p','Note: '+m,'note'))})}

        var loadProblems=[];
        function update(){
          var t0=performance.now();
          var rs=rows(),st=apply(rs),f=figures(st),t1=performance.now();
          drawMap(st,f);var t2=performance.now();tables(st,f);summary(st,f);problems(st,loadProblems);var t3=performance.now();
          lastMs=t3-t0;controls(st,f);var t4=performance.now();
          var ol=$('rows');while(ol.firstChild)ol.removeChild(ol.firstChild);
          rs.forEach(function(r){var li=el('li');li.appendChild(el('code',r.change+' '+r.code+' → '+r.to+(r.name?' ('+r.name+')':'')));ol.appendChild(li)});
          var csv=toCSV(rs);$('csv').value=csv;var total=performance.now()-t0;
          // The address follows the scenario (to share or bookmark it), written after the figures.
          setTimeout(function(){var url=location.pathname+location.search+(rs.length?'#scenario='+encodeURIComponent(csv):'');
            if(location.href.slice(location.href.indexOf(location.pathname))!==url)history.replaceState(null,'',url)},0);
          // data-update-ms: the figures, tables and map; data-total-ms: also the controls, rows and CSV.
          $('scenario-summary').setAttribute('data-update-ms',lastMs.toFixed(1));
          $('scenario-summary').setAttribute('data-total-ms',total.toFixed(1));
          $('scenario-summary').setAttribute('data-phases-ms',[t1-t0,t2-t1,t3-t2,t4-t3,total-(t4-t0)].map(function(x){return x.toFixed(1)}).join(' '));
          $('timing').textContent='Figures, tables and map recomputed in '+lastMs.toFixed(1)+' ms from '+N+' atoms (with the controls: '+total.toFixed(1)+' ms).';
          return st}

        // A change adds rows; a row for the same change and code as an earlier one replaces it (a scenario
        // names each council or system once per change).
        function act(newRows,message){
          var keys=new Set(newRows.map(function(r){return r.change+' '+r.code}));
          var next=current.filter(function(r){return !keys.has(r.change+' '+r.code)}).concat(newRows).map(function(r,k){
            return {change:r.change,code:r.code,to:r.to,name:r.name,line:k+2}});
          var st=apply(next);
          if(st.errors.length>apply(current).errors.length){$('status').textContent='Not done: '+st.errors[st.errors.length-1];return}
          past.push(current);future=[];current=next;loadProblems=[];update();$('status').textContent=message}
        function need(v,what){if(!v){$('status').textContent='Give '+what+' first.';return false}return true}

        $('move-form').addEventListener('submit',function(e){e.preventDefault();
          var p=$('move-place').value,s=$('move-to').value;if(!need(p,'a council')||!need(s,'a system'))return;
          picked=p;act([{change:'move-place',code:p,to:s,name:''}],'Gave '+$('move-place').selectedOptions[0].text+' to '+$('move-to').selectedOptions[0].text+'.')});
        $('merge-form').addEventListener('submit',function(e){e.preventDefault();
          var codes=Array.from($('merge-list').querySelectorAll('input:checked')).map(function(c){return c.value});
          var code=$('merge-code').value.trim(),name=$('merge-name').value.trim();
          if(codes.length<2){$('status').textContent='Tick at least two systems to merge.';return}
          if(!need(code,'a code for the new system')||!need(name,'a name for the new system'))return;
          $('merge-name').value='';
          act(codes.filter(function(c){return c!==code}).map(function(c){return {change:'merge-system',code:c,to:code,name:name}}),'Merged '+codes.length+' systems into '+name+'.')});
        $('unitary-form').addEventListener('submit',function(e){e.preventDefault();
          var codes=Array.from($('unitary-places').selectedOptions).map(function(o){return o.value});
          var code=$('unitary-code').value.trim(),name=$('unitary-name').value.trim();
          if(!codes.length){$('status').textContent='Select the districts to merge.';return}
          if(!need(code,'a code for the unitary')||!need(name,'a name for the unitary'))return;
          $('unitary-name').value='';
          act(codes.filter(function(c){return c!==code}).map(function(c){return {change:'merge-place',code:c,to:code,name:name}}),'Made '+name+' from '+codes.length+' councils.')});
        $('undo').addEventListener('click',function(){if(past.length){future.push(current);current=past.pop();update();$('status').textContent='Undone.'}});
        $('redo').addEventListener('click',function(){if(future.length){past.push(current);current=future.pop();update();$('status').textContent='Redone.'}});
        $('reset').addEventListener('click',function(){if(current.length)past.push(current);current=[];future=[];loadProblems=[];picked=null;update();$('status').textContent='Back to today.'});
        $('download').addEventListener('click',function(){
          var blob=new Blob([toCSV(rows())],{type:'text/csv'}),a=document.createElement('a');
          a.href=URL.createObjectURL(blob);a.download='scenario.csv';document.body.appendChild(a);a.click();
          setTimeout(function(){URL.revokeObjectURL(a.href);a.remove()},0)});
        function load(text,from){var r=readRows(text);if(current.length)past.push(current);current=r.rows;future=[];loadProblems=r.problems;
          var st=update();$('status').textContent='Loaded '+r.rows.length+' rows from '+from+(st.errors.length+r.problems.length+st.unsupported.length?' (see the problems listed)':'')+'.'}
        $('load-file').addEventListener('change',function(){var file=this.files[0];if(!file)return;var reader=new FileReader();
          reader.onload=function(){load(String(reader.result),file.name)};reader.readAsText(file)});
        $('atoms').addEventListener('click',function(e){var t=e.target.closest('path[data-atom]');if(!t)return;
          var a=+t.getAttribute('data-atom'),st=apply(rows());picked=st.place[a];$('move-place').value=picked;update();
          $('status').textContent='Picked '+(st.placeNames.get(picked)||picked)+', in '+(st.sysNames.get(st.sys[a])||st.sys[a])+'.'});
        $('move-place').addEventListener('change',function(){picked=this.value;update()});
        function fromHash(){var h=location.hash;if(h.indexOf('#scenario=')===0){try{load(decodeURIComponent(h.slice(10)),'the address')}
          catch(err){loadProblems=['the address does not hold a URL-encoded CSV: '+err.message];update()}return true}return false}
        window.addEventListener('hashchange',fromHash);
        if(!fromHash())update();
        window.placemapExplorer={load:function(t){load(t,'a script')},csv:function(){return toCSV(rows())},lastUpdateMs:function(){return lastMs}};
        })();
        """#
}
