namespace Dossier.Reporting.Html;

/// <summary>The report's only stylesheet, inlined (the CSP allows inline styles and nothing external).</summary>
public static class Styles
{
    public const string Css = """
        :root { --fg:#1d232b; --muted:#5c6670; --line:#dde2e7; --bg:#f7f8fa; --card:#fff; --accent:#2456a6;
                --support:#1f7a3a; --support-bg:#e2f3e6; --oppose:#b3261e; --oppose-bg:#fbe4e2;
                --conditional:#8a5a00; --conditional-bg:#fff1cc; --undecided:#55606b; --undecided-bg:#eceff2; }
        * { box-sizing: border-box; }
        body { margin:0; font:16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
               color:var(--fg); background:var(--bg); }
        header { background:#12263f; color:#fff; padding:1.2rem 2rem; }
        header h1 { margin:0 0 .2rem; font-size:1.6rem; letter-spacing:.02em; }
        header .meta { color:#c7d3e0; }
        header nav a { color:#fff; margin-right:1.2rem; text-decoration:none; border-bottom:1px solid #7f9ab8; }
        main { max-width:1200px; margin:0 auto; padding:1rem 2rem 4rem; }
        section { margin-top:2rem; }
        h2 { border-bottom:2px solid var(--line); padding-bottom:.3rem; }
        h3 { margin:.2rem 0; }
        h5 { margin:0; font-size:1rem; }
        a { color:var(--accent); }
        article { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:1rem 1.3rem; margin:1rem 0; }
        .meta, small { color:var(--muted); font-size:.9rem; }
        small { display:block; }
        .summary { font-size:1.05rem; }
        .sources { display:grid; grid-template-columns:repeat(auto-fit, minmax(300px, 1fr)); gap:1rem; }
        .source { border:1px solid var(--line); border-radius:6px; padding:.7rem; background:#fcfcfd; }
        .source .text { max-height:28rem; overflow:auto; font-size:.93rem; }
        .text { white-space:pre-wrap; overflow-wrap:anywhere; }
        mark, .aligned { background:#ffe58a; border-radius:2px; color:inherit; text-decoration:none; }
        .aligned.claim { background:#d7e9ff; }
        .q { background:#eef3ff; border-bottom:2px solid #8aa7e6; color:inherit; text-decoration:none; }
        .tm { background:#e6f5ea; border-radius:2px; }
        .ent { border-bottom:2px solid; color:inherit; text-decoration:none; }
        .ent-per { border-color:#c2185b; } .ent-org { border-color:#1565c0; } .ent-loc { border-color:#2e7d32; } .ent-misc { border-color:#8d6e63; }
        .legend span { margin-right:.6rem; padding:0 .3rem; }
        .tag { display:inline-block; font-size:.75rem; text-transform:uppercase; letter-spacing:.04em; background:#e8ecf1;
               color:#37414b; border-radius:3px; padding:0 .35rem; }
        .tag.warn { background:#fde2c4; color:#7a3e00; }
        table { border-collapse:collapse; width:100%; background:var(--card); }
        th, td { border:1px solid var(--line); padding:.4rem .6rem; text-align:left; vertical-align:top; }
        thead th { background:#eef1f5; }
        .scroll { overflow-x:auto; margin-bottom:1rem; }
        .matrix td { text-align:center; min-width:7rem; }
        .matrix td a { display:block; color:inherit; text-decoration:none; font-weight:600; }
        .matrix td.none { background:#fafbfc; }
        .stance-support { background:var(--support-bg); color:var(--support); }
        .stance-oppose { background:var(--oppose-bg); color:var(--oppose); }
        .stance-conditional { background:var(--conditional-bg); color:var(--conditional); }
        .stance-undecided { background:var(--undecided-bg); color:var(--undecided); }
        li > .stance-support, li > .stance-oppose, li > .stance-conditional, li > .stance-undecided { padding:0 .35rem; border-radius:3px; font-weight:600; }
        .evidence { background:var(--card); border-left:4px solid var(--line); padding:.3rem 1rem; margin:.6rem 0; }
        .evidence:target, li:target, tr:target { outline:3px solid #ffb300; }
        .empty { color:var(--muted); font-style:italic; }
        code { font-size:.85em; color:var(--muted); }
        details { margin-top:.6rem; }
        """;
}
