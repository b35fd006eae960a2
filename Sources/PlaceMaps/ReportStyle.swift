/// The report's inline style sheet and its small script (hover and filter only: the page reads the
/// same with scripts off).
enum ReportStyle {
    static let css = """
        body{font-family:Arial,Helvetica,sans-serif;color:#0B0C0C;margin:0 auto;max-width:1280px;padding:0 16px 40px;line-height:1.4}
        h1{font-size:1.8em;margin:.6em 0 .2em}h2{border-top:4px solid #12436D;padding-top:.4em;margin-top:1.6em}
        h3{margin:1.2em 0 .3em}
        .figure{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
        figure{margin:0}figcaption{font-size:.85em;color:#505A5F;max-width:760px}
        svg.map{max-width:100%;height:auto;border:1px solid #B1B4B6;font-family:Arial,Helvetica,sans-serif}
        svg text{fill:#0B0C0C}
        table{border-collapse:collapse;font-size:.85em;margin:.4em 0}
        th,td{border-bottom:1px solid #B1B4B6;padding:3px 8px;text-align:left;vertical-align:top}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
        .swatch{display:inline-block;width:.9em;height:.9em;vertical-align:middle;margin-right:4px;border:1px solid #FFF}
        .swatch.split{border:2px solid #0B0C0C}
        .warnings{border-left:6px solid #F46A25;background:#FEF0E9;padding:.2em 1em;margin:.6em 0}.warnings ul{margin:.2em 0}
        tr.hover,path.hover{outline:2px solid #F46A25}
        path.hover{stroke:#F46A25;stroke-width:2.5}
        .system{border-top:1px solid #B1B4B6;margin-top:1em}
        dl{margin:.2em 0 .2em 1em;font-size:.85em}dt{font-weight:bold}dd{margin:0 0 .2em 1em}
        .note{color:#505A5F;font-size:.9em}
        nav ul{columns:2;font-size:.9em}
        .profiles{display:flex;flex-wrap:wrap;gap:0 24px}
        table.age-profile td.n{min-width:7em}.share{color:#505A5F}
        .bar{display:block;height:4px;background:#12436D;margin:2px 0 0 auto}
        tr.total td{font-weight:bold}
        """

    static let script = """
        (function(){
        function mark(code,on){document.querySelectorAll('[data-code]').forEach(function(e){if(e.getAttribute('data-code')===code)e.classList.toggle('hover',on)})}
        document.addEventListener('mouseover',function(e){var t=e.target.closest('[data-code]');if(t)mark(t.getAttribute('data-code'),true)});
        document.addEventListener('mouseout',function(e){var t=e.target.closest('[data-code]');if(t)mark(t.getAttribute('data-code'),false)});
        var f=document.getElementById('system-filter');if(!f)return;f.hidden=false;
        f.querySelector('input').addEventListener('input',function(){var q=this.value.toLowerCase();
        document.querySelectorAll('.system').forEach(function(s){s.hidden=q&&s.getAttribute('data-name').indexOf(q)<0})});
        })();
        """
}
