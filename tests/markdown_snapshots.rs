//! Snapshots of the Markdown renderer on a postmortem that uses every supported extension.
//! Review changes with `cargo insta review` (or delete the .snap file and rerun with
//! `INSTA_UPDATE=always cargo test`).

use afterword::util::markdown::{render_body, render_inline};

const POSTMORTEM: &str = r#"## Summary

Writes failed for **14 minutes** after a ~~planned~~ failover. See the graph[^graph].

## Timeline {#timeline}

| Time (UTC) | Event |
|-----------:|-------|
| 09:14 | Primary fenced |
| 09:28 | Writes resume |

### Root cause

```sql
SELECT pg_is_in_recovery(); -- returned true on the "new" primary
```

    indented <code> block

- [x] Page the database on-call
- [ ] Add a failover drill

> A quote with <em>raw HTML</em> that passes through.

<div class="note">Raw block HTML passes through.</div>

## Summary

Second heading with the same text gets a unique id.

[^graph]: The graph is in the bundle.
"#;

#[test]
fn postmortem_body() {
    let r = render_body(POSTMORTEM);
    insta::assert_snapshot!("postmortem_html", r.html);
    insta::assert_debug_snapshot!("postmortem_toc", r.toc);
}

#[test]
fn timeline_message() {
    insta::assert_snapshot!(
        "message_html",
        render_inline("We **reverted** the change[^x]. Status: `ok` <br> see [the runbook](https://runbooks.example.com/db).\n\n## Not an anchor {#x}")
    );
}
