//! A writer of pretty-printed JSON that writes what `serde_json::to_string_pretty` writes,
//! byte for byte (two-space indent, `"key": value`, `{}` and `[]` when empty), for the one
//! document afterword writes per page: building it straight from the model skips serde's
//! per-byte string escaping and the intermediate structs. `tests/feeds_api.rs` and
//! `tests/hostile.rs` check every `.json` file of a built site against `serde_json`'s own
//! printing of it (`common::assert_json_printed_as_serde_prints`).

use crate::util::escape::json_into;

pub struct Pretty {
    out: String,
    depth: usize,
    /// The innermost open object or array has no member yet.
    empty: bool,
}

impl Pretty {
    pub fn with_capacity(n: usize) -> Self {
        Pretty {
            out: String::with_capacity(n),
            depth: 0,
            empty: false,
        }
    }

    /// The text, ending with a newline.
    pub fn finish(mut self) -> String {
        debug_assert_eq!(self.depth, 0, "every object and array closed");
        self.out.push('\n');
        self.out
    }

    fn member(&mut self) {
        if !std::mem::take(&mut self.empty) {
            self.out.push(',');
        }
        self.newline();
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn open(&mut self, c: char) -> &mut Self {
        self.out.push(c);
        self.depth += 1;
        self.empty = true;
        self
    }

    fn close(&mut self, c: char) -> &mut Self {
        self.depth -= 1;
        if !std::mem::take(&mut self.empty) {
            self.newline();
        }
        self.out.push(c);
        self
    }

    /// `{`: at the top, after [`Pretty::key`], or after [`Pretty::item`].
    pub fn object(&mut self) -> &mut Self {
        self.open('{')
    }

    pub fn end_object(&mut self) -> &mut Self {
        self.close('}')
    }

    pub fn array(&mut self) -> &mut Self {
        self.open('[')
    }

    pub fn end_array(&mut self) -> &mut Self {
        self.close(']')
    }

    /// The next member of an object: its key; its value follows.
    pub fn key(&mut self, k: &str) -> &mut Self {
        self.member();
        json_into(&mut self.out, k);
        self.out.push_str(": ");
        self
    }

    /// The next element of an array; its value follows.
    pub fn item(&mut self) -> &mut Self {
        self.member();
        self
    }

    pub fn str(&mut self, s: &str) -> &mut Self {
        json_into(&mut self.out, s);
        self
    }

    pub fn int(&mut self, n: i64) -> &mut Self {
        use std::fmt::Write;
        write!(self.out, "{n}").expect("a String takes any write");
        self
    }

    /// A finite number as Rust writes it (`12.5`, `12`); anything else as `null`.
    pub fn num(&mut self, n: f64) -> &mut Self {
        if !n.is_finite() {
            return self.null();
        }
        use std::fmt::Write;
        write!(self.out, "{n}").expect("a String takes any write");
        self
    }

    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.out.push_str(if b { "true" } else { "false" });
        self
    }

    pub fn null(&mut self) -> &mut Self {
        self.out.push_str("null");
        self
    }

    pub fn opt_str(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    pub fn opt_int(&mut self, n: Option<i64>) -> &mut Self {
        match n {
            Some(n) => self.int(n),
            None => self.null(),
        }
    }

    /// `"k": "v"` for each pair, as an object's members.
    pub fn strs(&mut self, pairs: &[(&str, &str)]) -> &mut Self {
        for (k, v) in pairs {
            self.key(k).str(v);
        }
        self
    }

    /// An array of strings.
    pub fn str_array(&mut self, items: &[String]) -> &mut Self {
        self.array();
        for s in items {
            self.item().str(s);
        }
        self.end_array()
    }
}

#[cfg(test)]
mod tests {
    use super::Pretty;

    #[test]
    fn prints_as_serde_json_does() {
        let mut p = Pretty::with_capacity(0);
        p.object();
        p.key("a").str("x \"y\"\n");
        p.key("empty").object().end_object();
        p.key("none").array().end_array();
        p.key("list").array();
        p.item().int(-3);
        p.item()
            .object()
            .key("b")
            .bool(true)
            .key("c")
            .null()
            .end_object();
        p.item().array().item().opt_int(Some(7)).end_array();
        p.end_array();
        p.key("tags").str_array(&["t1".into(), "t2".into()]);
        p.end_object();
        let ours = p.finish();
        let value: serde_json::Value = serde_json::from_str(&ours).unwrap();
        assert_eq!(ours, serde_json::to_string_pretty(&value).unwrap() + "\n");
    }
}
