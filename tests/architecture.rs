//! The project's layering rules, checked on the source under src-tauri/:
//! - no module imports one that imports it back;
//! - no SQL outside store/ (the benchmark generator keeps its bulk loader);
//! - domain/ is plain Rust: no rusqlite, tauri or notify_rust;
//! - the desktop shell (app/) never reaches the store: no `.store()`, no `crate::store`.
//!
//! A small scanner, not a parser: comments and literals are blanked first (so
//! nothing in them counts), then `use` trees and `a::b` paths in code are read and
//! resolved to the deepest module file they name (`crate::`, `super::`, `self::`,
//! and a child module's name as in `line::parse`; other heads are other crates).
//! `#[cfg(test)] mod … { }` blocks are left out of the module graph: their
//! `use super::*` is the test module's own. Binaries (main.rs, bin/**) are crates
//! of their own, where `tend::` names the library; nothing in the library can
//! name them back, so they never sit on a cycle.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

const SOURCE_ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src-tauri");

/// The files allowed SQL outside the store: the benchmark's bulk loader, and the
/// raw queries it times Tend against side by side.
const SQL_ALLOWED: &[&str] = &[
    "src-tauri/bin/bench/generate.rs",
    "src-tauri/bin/bench/raw_sql.rs",
];

// ---------------------------------------------------------------------------
// Lexing: comments and literals out of the way.

struct StringLiteral {
    /// Byte offsets of the literal in the blanked code.
    start: usize,
    end: usize,
    line: usize,
    text: String,
}

/// A source file with comments and literals blanked to spaces (newlines kept,
/// so lines still count), and its string literals on the side.
struct Lexed {
    code: String,
    strings: Vec<StringLiteral>,
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Where a string literal starting at `i` opens: `"`, `b"`, `r#"`, `br"`, `c"` ….
/// Returns (is raw, number of #, index of the opening quote).
fn string_opening(chars: &[char], i: usize) -> Option<(bool, usize, usize)> {
    let mut j = i;
    if matches!(chars.get(j), Some('b' | 'c')) {
        j += 1;
    }
    let raw = chars.get(j) == Some(&'r');
    if raw {
        j += 1;
    }
    let hashes = chars[j.min(chars.len())..]
        .iter()
        .take_while(|c| **c == '#')
        .count();
    j += hashes;
    (chars.get(j) == Some(&'"') && (raw || hashes == 0)).then_some((raw, hashes, j))
}

fn lex(source: &str) -> Lexed {
    let chars: Vec<char> = source.chars().collect();
    let mut code = String::with_capacity(source.len());
    let mut strings = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Blanks chars[from..to] into the code, keeping newlines.
    let blank = |code: &mut String, line: &mut usize, from: usize, to: usize| {
        for c in &chars[from..to.min(chars.len())] {
            if *c == '\n' {
                code.push('\n');
                *line += 1;
            } else {
                code.push(' ');
            }
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let after_ident = i > 0 && is_ident(chars[i - 1]);
        if c == '/' && next == Some('/') {
            let end = chars[i..]
                .iter()
                .position(|c| *c == '\n')
                .map_or(chars.len(), |n| i + n);
            blank(&mut code, &mut line, i, end);
            i = end;
        } else if c == '/' && next == Some('*') {
            // Block comments nest in Rust.
            let (mut j, mut depth) = (i + 2, 1);
            while j < chars.len() && depth > 0 {
                if chars[j] == '/' && chars.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if chars[j] == '*' && chars.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            blank(&mut code, &mut line, i, j);
            i = j;
        } else if let Some((raw, hashes, quote)) =
            (!after_ident).then(|| string_opening(&chars, i)).flatten()
        {
            let mut j = quote + 1;
            let close = loop {
                match chars.get(j) {
                    None => break chars.len(),
                    Some('\\') if !raw => j += 2,
                    Some('"')
                        if chars[j + 1..]
                            .iter()
                            .take(hashes)
                            .filter(|c| **c == '#')
                            .count()
                            == hashes =>
                    {
                        break j
                    }
                    Some(_) => j += 1,
                }
            };
            let end = (close + 1 + hashes).min(chars.len());
            let (start, start_line) = (code.len(), line);
            let text = chars[quote + 1..close.min(chars.len())].iter().collect();
            blank(&mut code, &mut line, i, end);
            strings.push(StringLiteral {
                start,
                end: code.len(),
                line: start_line,
                text,
            });
            i = end;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{2014}', '"') or a lifetime ('a).
            let end = match (next, chars.get(i + 2)) {
                (Some('\\'), _) => chars
                    .get(i + 3..)
                    .and_then(|rest| rest.iter().position(|c| *c == '\''))
                    .map(|n| i + 3 + n + 1),
                (Some(_), Some('\'')) => Some(i + 3),
                _ => None,
            };
            match end {
                Some(end) => {
                    blank(&mut code, &mut line, i, end);
                    i = end;
                }
                None => {
                    code.push(c);
                    i += 1;
                }
            }
        } else {
            if c == '\n' {
                line += 1;
            }
            code.push(c);
            i += 1;
        }
    }
    Lexed { code, strings }
}

fn line_at(code: &str, offset: usize) -> usize {
    code.as_bytes()[..offset.min(code.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn blank_range(code: &mut [u8], from: usize, to: usize) {
    for byte in &mut code[from..to] {
        if *byte != b'\n' {
            *byte = b' ';
        }
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

fn skip_whitespace(code: &[u8], mut i: usize) -> usize {
    while i < code.len() && code[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

fn ident_end(code: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < code.len() && is_ident_byte(code[j]) {
        j += 1;
    }
    j
}

/// The index just past the bracket matching the one at `open`.
fn matching_close(code: &[u8], open: usize) -> usize {
    let (opener, closer) = match code[open] {
        b'[' => (b'[', b']'),
        b'(' => (b'(', b')'),
        _ => (b'{', b'}'),
    };
    let mut depth = 0;
    for (j, byte) in code.iter().enumerate().skip(open) {
        if *byte == opener {
            depth += 1;
        } else if *byte == closer {
            depth -= 1;
            if depth == 0 {
                return j + 1;
            }
        }
    }
    code.len()
}

/// Blanks `#[cfg(test)] mod name { … }` blocks: what a test module uses
/// (`use super::*`) is its own, not its file's.
fn without_test_modules(code: &str) -> String {
    const MARK: &str = "#[cfg(test)]";
    let mut bytes = code.as_bytes().to_vec();
    let mut from = 0;
    while let Some(found) = code[from..].find(MARK) {
        let start = from + found;
        let mut i = skip_whitespace(&bytes, start + MARK.len());
        while bytes.get(i) == Some(&b'#') && bytes.get(i + 1) == Some(&b'[') {
            i = skip_whitespace(&bytes, matching_close(&bytes, i + 1));
        }
        if bytes[i..].starts_with(b"pub") {
            i = skip_whitespace(&bytes, i + 3);
            if bytes.get(i) == Some(&b'(') {
                i = skip_whitespace(&bytes, matching_close(&bytes, i));
            }
        }
        if bytes[i..].starts_with(b"mod") && bytes.get(i + 3).is_some_and(|b| !is_ident_byte(*b)) {
            i = skip_whitespace(&bytes, ident_end(&bytes, skip_whitespace(&bytes, i + 3)));
            if bytes.get(i) == Some(&b'{') {
                let end = matching_close(&bytes, i);
                blank_range(&mut bytes, start, end);
            }
        }
        from = start + MARK.len();
    }
    String::from_utf8(bytes).expect("blanking keeps UTF-8")
}

// ---------------------------------------------------------------------------
// Paths: what each file names.

/// A path as written, e.g. `["crate", "store", "followups", "get"]`, at a byte offset.
struct UsedPath {
    offset: usize,
    segments: Vec<String>,
}

enum Token {
    Ident(String),
    Colons,
    Open,
    Close,
    Comma,
    Star,
}

fn use_tokens(code: &[u8], from: usize, to: usize) -> Vec<(usize, Token)> {
    let mut tokens = Vec::new();
    let mut i = from;
    while i < to {
        let b = code[i];
        if b.is_ascii_whitespace() {
            i += 1;
        } else if b == b':' && code.get(i + 1) == Some(&b':') {
            tokens.push((i, Token::Colons));
            i += 2;
        } else if is_ident_byte(b) {
            let end = ident_end(code, i);
            let name = String::from_utf8_lossy(&code[i..end]);
            tokens.push((i, Token::Ident(name.into_owned())));
            i = end;
        } else {
            let token = match b {
                b'{' => Some(Token::Open),
                b'}' => Some(Token::Close),
                b',' => Some(Token::Comma),
                b'*' => Some(Token::Star),
                _ => None,
            };
            tokens.extend(token.map(|token| (i, token)));
            i += 1;
        }
    }
    tokens
}

/// Flattens one use tree (`a::{b, c::{self, d}} as e`) into full paths.
fn use_tree(tokens: &[(usize, Token)], at: &mut usize, prefix: &[String], out: &mut Vec<UsedPath>) {
    let mut segments = prefix.to_vec();
    let mut offset = tokens.get(*at).map_or(0, |(offset, _)| *offset);
    while let Some((position, token)) = tokens.get(*at) {
        match token {
            Token::Colons if segments.is_empty() => {
                // `use ::name` is always another crate.
                segments.push("::".into());
                *at += 1;
            }
            Token::Colons => *at += 1,
            Token::Ident(name) if name == "as" => {
                *at += 2; // the alias names nothing new
            }
            Token::Ident(name) => {
                if name != "self" {
                    segments.push(name.clone());
                }
                offset = *position;
                *at += 1;
            }
            Token::Star => {
                offset = *position;
                *at += 1;
            }
            Token::Open => {
                *at += 1;
                while let Some((_, token)) = tokens.get(*at) {
                    match token {
                        Token::Close => {
                            *at += 1;
                            break;
                        }
                        Token::Comma => *at += 1,
                        _ => use_tree(tokens, at, &segments, out),
                    }
                }
                return;
            }
            Token::Comma | Token::Close => break,
        }
    }
    if !segments.is_empty() {
        out.push(UsedPath { offset, segments });
    }
}

/// Every path a file uses: each leaf of each `use` declaration, then every
/// `a::b…` path in the rest of the code (resolution decides which are modules).
fn used_paths(code: &str) -> Vec<UsedPath> {
    let mut bytes = code.as_bytes().to_vec();
    let mut paths = Vec::new();
    let mut i = 0;
    while i + 3 < bytes.len() {
        let is_use = bytes[i..].starts_with(b"use")
            && (i == 0 || !is_ident_byte(bytes[i - 1]) && bytes[i - 1] != b'#')
            && bytes[i + 3].is_ascii_whitespace();
        if !is_use {
            i += 1;
            continue;
        }
        let end = bytes[i..]
            .iter()
            .position(|b| *b == b';')
            .map_or(bytes.len(), |n| i + n);
        let tokens = use_tokens(&bytes, i + 3, end);
        let mut at = 0;
        while at < tokens.len() {
            use_tree(&tokens, &mut at, &[], &mut paths);
            at += 1;
        }
        blank_range(&mut bytes, i, end);
        i = end;
    }

    let mut i = 0;
    while i < bytes.len() {
        let starts_path = is_ident_byte(bytes[i])
            && !bytes[i].is_ascii_digit()
            && (i == 0 || !is_ident_byte(bytes[i - 1]) && !matches!(bytes[i - 1], b':' | b'\''));
        if !starts_path {
            i += 1;
            continue;
        }
        let mut segments = Vec::new();
        let mut j = i;
        loop {
            let end = ident_end(&bytes, j);
            segments.push(String::from_utf8_lossy(&bytes[j..end]).into_owned());
            let after = skip_whitespace(&bytes, end);
            let next = skip_whitespace(&bytes, after + 2);
            if bytes[after..].starts_with(b"::") && next < bytes.len() && is_ident_byte(bytes[next])
            {
                j = next;
            } else {
                j = end;
                break;
            }
        }
        if segments.len() > 1 {
            paths.push(UsedPath {
                offset: i,
                segments,
            });
        }
        i = j;
    }
    paths
}

// ---------------------------------------------------------------------------
// Modules: which file each path lands in.

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Crate {
    Library,
    Binary(String),
}

struct SourceFile {
    /// As shown in messages: "src-tauri/api/mod.rs".
    path: String,
    krate: Crate,
    module: Vec<String>,
    lexed: Lexed,
}

/// The crate and module path of a file, from where it sits under src-tauri/.
fn place(relative: &str) -> (Crate, Vec<String>) {
    let (krate, inside) = if relative == "main.rs" {
        (Crate::Binary("tend".into()), "main.rs")
    } else if let Some(rest) = relative.strip_prefix("bin/") {
        match rest.split_once('/') {
            Some((name, inside)) => (Crate::Binary(name.into()), inside),
            None => (
                Crate::Binary(rest.trim_end_matches(".rs").into()),
                "main.rs",
            ),
        }
    } else {
        (Crate::Library, relative)
    };
    let root = match krate {
        Crate::Library => "lib.rs",
        Crate::Binary(_) => "main.rs",
    };
    if inside == root {
        return (krate, Vec::new());
    }
    let mut module: Vec<String> = inside
        .trim_end_matches(".rs")
        .split('/')
        .map(String::from)
        .collect();
    if module.last().map(String::as_str) == Some("mod") {
        module.pop();
    }
    (krate, module)
}

struct Edge {
    from: usize,
    to: usize,
    line: usize,
    path: String,
}

struct Codebase {
    files: Vec<SourceFile>,
    modules: HashMap<(Crate, Vec<String>), usize>,
}

impl Codebase {
    /// `sources` are (path under src-tauri/, text).
    fn new(sources: Vec<(String, String)>) -> Codebase {
        let files: Vec<SourceFile> = sources
            .into_iter()
            .map(|(relative, text)| {
                let (krate, module) = place(&relative);
                SourceFile {
                    path: format!("src-tauri/{relative}"),
                    krate,
                    module,
                    lexed: lex(&text),
                }
            })
            .collect();
        let modules = files
            .iter()
            .enumerate()
            .map(|(index, file)| ((file.krate.clone(), file.module.clone()), index))
            .collect();
        Codebase { files, modules }
    }

    fn read() -> Codebase {
        fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
            let mut entries = std::fs::read_dir(dir)
                .expect("a source folder")
                .map(|entry| entry.expect("a source entry").path())
                .collect::<Vec<_>>();
            entries.sort();
            for path in entries {
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|ext| ext == "rs") {
                    let relative = path
                        .strip_prefix(SOURCE_ROOT)
                        .expect("under src-tauri")
                        .to_str()
                        .expect("a UTF-8 path")
                        .replace('\\', "/");
                    let text = std::fs::read_to_string(&path).expect("a source file");
                    out.push((relative, text));
                }
            }
        }
        let mut sources = Vec::new();
        walk(Path::new(SOURCE_ROOT), &mut sources);
        assert!(
            sources.iter().any(|(path, _)| path == "lib.rs"),
            "src-tauri/lib.rs found"
        );
        Codebase::new(sources)
    }

    fn is_module(&self, krate: &Crate, module: &[String]) -> bool {
        self.modules.contains_key(&(krate.clone(), module.to_vec()))
    }

    /// The deepest module file a path names, if it names one of ours.
    fn resolve(&self, from: &SourceFile, segments: &[String]) -> Option<usize> {
        let first = segments.first()?.as_str();
        let mut child = from.module.clone();
        child.push(first.to_string());
        let (krate, mut module, rest) = match first {
            "crate" => (from.krate.clone(), Vec::new(), &segments[1..]),
            "tend" if from.krate != Crate::Library => (Crate::Library, Vec::new(), &segments[1..]),
            "self" => (from.krate.clone(), from.module.clone(), &segments[1..]),
            "super" => {
                let ups = segments.iter().take_while(|s| *s == "super").count();
                let kept = from.module.len().checked_sub(ups)?;
                (
                    from.krate.clone(),
                    from.module[..kept].to_vec(),
                    &segments[ups..],
                )
            }
            // A path from a child module: `line::parse` in quickadd/mod.rs.
            _ if self.is_module(&from.krate, &child) => {
                (from.krate.clone(), from.module.clone(), segments)
            }
            _ => return None, // another crate (std, chrono, …) or a local item
        };
        for segment in rest {
            module.push(segment.clone());
            if !self.is_module(&krate, &module) {
                module.pop();
                break;
            }
        }
        self.modules.get(&(krate, module)).copied()
    }

    /// Every edge from a file to another module file, with where it is written.
    fn edges(&self, with_test_modules: bool) -> Vec<Edge> {
        let mut edges = Vec::new();
        for (from, file) in self.files.iter().enumerate() {
            let code = if with_test_modules {
                file.lexed.code.clone()
            } else {
                without_test_modules(&file.lexed.code)
            };
            let mut seen = BTreeSet::new();
            for used in used_paths(&code) {
                let Some(to) = self.resolve(file, &used.segments) else {
                    continue;
                };
                let line = line_at(&code, used.offset);
                if to != from && seen.insert((to, line)) {
                    edges.push(Edge {
                        from,
                        to,
                        line,
                        path: used.segments.join("::"),
                    });
                }
            }
        }
        edges
    }

    /// Each group of files that reach one another through imports, with the
    /// edges inside it: "a.rs ↔ b.rs" and the lines that make it.
    fn cycles(&self) -> Vec<String> {
        let edges = self.edges(false);
        let mut targets = vec![BTreeSet::new(); self.files.len()];
        for edge in &edges {
            targets[edge.from].insert(edge.to);
        }
        strongly_connected(&targets)
            .into_iter()
            .filter(|component| component.len() > 1)
            .map(|component| {
                let mut members: Vec<&str> = component
                    .iter()
                    .map(|index| self.files[*index].path.as_str())
                    .collect();
                members.sort();
                let mut report = format!("cycle: {}", members.join(" ↔ "));
                let mut inside: Vec<&Edge> = edges
                    .iter()
                    .filter(|edge| component.contains(&edge.from) && component.contains(&edge.to))
                    .collect();
                inside.sort_by(|a, b| {
                    (&self.files[a.from].path, a.line).cmp(&(&self.files[b.from].path, b.line))
                });
                for edge in inside {
                    report.push_str(&format!(
                        "\n    {}:{} `{}` → {}",
                        self.files[edge.from].path, edge.line, edge.path, self.files[edge.to].path
                    ));
                }
                report
            })
            .collect()
    }
}

/// Tarjan's strongly connected components.
fn strongly_connected(targets: &[BTreeSet<usize>]) -> Vec<BTreeSet<usize>> {
    struct State<'a> {
        targets: &'a [BTreeSet<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<usize>,
        next: usize,
        components: Vec<BTreeSet<usize>>,
    }
    fn visit(state: &mut State, node: usize) {
        state.index[node] = Some(state.next);
        state.low[node] = state.next;
        state.next += 1;
        state.stack.push(node);
        state.on_stack[node] = true;
        for &target in state.targets[node].iter() {
            match state.index[target] {
                None => {
                    visit(state, target);
                    state.low[node] = state.low[node].min(state.low[target]);
                }
                Some(index) if state.on_stack[target] => {
                    state.low[node] = state.low[node].min(index);
                }
                Some(_) => {}
            }
        }
        if Some(state.low[node]) == state.index[node] {
            let mut component = BTreeSet::new();
            while let Some(member) = state.stack.pop() {
                state.on_stack[member] = false;
                component.insert(member);
                if member == node {
                    break;
                }
            }
            state.components.push(component);
        }
    }
    let count = targets.len();
    let mut state = State {
        targets,
        index: vec![None; count],
        low: vec![0; count],
        on_stack: vec![false; count],
        stack: Vec::new(),
        next: 0,
        components: Vec::new(),
    };
    for node in 0..count {
        if state.index[node].is_none() {
            visit(&mut state, node);
        }
    }
    state.components
}

// ---------------------------------------------------------------------------
// SQL: uppercase statements in string literals.

/// Where `text` holds `word` as a whole word (not inside `SELECTED`).
fn word_positions<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(word).filter_map(move |(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        (!before.is_some_and(is_ident) && !after.is_some_and(is_ident)).then_some(at)
    })
}

fn followed_by(text: &str, first: &str, then: &str) -> bool {
    word_positions(text, first).any(|at| word_positions(&text[at..], then).next().is_some())
}

/// SQL is written with uppercase keywords; English text does not shout
/// "SELECT … FROM" or "PRAGMA name".
fn looks_like_sql(text: &str) -> bool {
    let text = text
        .replace("\\\n", " ")
        .replace("\\n", " ")
        .replace("\\t", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let pragma = word_positions(&text, "PRAGMA").any(|at| {
        text[at + "PRAGMA".len()..]
            .strip_prefix(' ')
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
    });
    pragma
        || followed_by(&text, "SELECT", "FROM")
        || followed_by(&text, "INSERT", "INTO")
        || followed_by(&text, "UPDATE", "SET")
        || ["DELETE FROM", "ALTER TABLE", "DROP TABLE", "DROP INDEX"]
            .iter()
            .any(|phrase| word_positions(&text, phrase).next().is_some())
        || word_positions(&text, "CREATE").any(|at| {
            let rest = &text[at + "CREATE".len()..];
            [
                "TABLE", "INDEX", "UNIQUE", "VIRTUAL", "TRIGGER", "VIEW", "TEMP",
            ]
            .iter()
            .any(|kind| rest.starts_with(&format!(" {kind} ")))
        })
}

/// Lines with SQL in a string literal, or in pieces joined by `concat!`
/// (literals with only commas, `+` and space between them), and the SQL.
fn sql_lines(lexed: &Lexed) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut piece_start = 0;
    for (index, literal) in lexed.strings.iter().enumerate() {
        let joined_to_previous = index > piece_start
            && lexed.code[lexed.strings[index - 1].end..literal.start]
                .chars()
                .all(|c| c.is_whitespace() || c == ',' || c == '+');
        if !joined_to_previous {
            piece_start = index;
        }
        let pieces = &lexed.strings[piece_start..=index];
        let joined: String = pieces
            .iter()
            .map(|piece| piece.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if looks_like_sql(&literal.text) || looks_like_sql(&joined) {
            let first = &pieces[0];
            if found.last().map(|(line, _)| *line) != Some(first.line) {
                let shown: String = joined.split_whitespace().collect::<Vec<_>>().join(" ");
                found.push((first.line, shown.chars().take(70).collect()));
            }
            piece_start = index + 1;
        }
    }
    found
}

// ---------------------------------------------------------------------------
// The rules.

fn fail_with(rule: &str, violations: &[String]) {
    assert!(
        violations.is_empty(),
        "{rule}: {} violation(s)\n  {}\n",
        violations.len(),
        violations.join("\n  ")
    );
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let codebase = Codebase::read();
    fail_with(
        "No module imports one that imports it back, anywhere in src-tauri/",
        &codebase.cycles(),
    );
}

#[test]
fn no_sql_outside_the_store() {
    let codebase = Codebase::read();
    let violations: Vec<String> = codebase
        .files
        .iter()
        .filter(|file| {
            !file.path.starts_with("src-tauri/store/") && !SQL_ALLOWED.contains(&file.path.as_str())
        })
        .flat_map(|file| {
            sql_lines(&file.lexed)
                .into_iter()
                .map(move |(line, sql)| format!("{}:{line} \"{sql}…\"", file.path))
        })
        .collect();
    fail_with(
        "No SQL outside src-tauri/store/ (but the benchmark's generate.rs and raw_sql.rs)",
        &violations,
    );
}

#[test]
fn the_domain_is_plain_rust() {
    let codebase = Codebase::read();
    let violations: Vec<String> = codebase
        .files
        .iter()
        .filter(|file| file.path.starts_with("src-tauri/domain/"))
        .flat_map(|file| {
            foreign_mentions(&file.lexed)
                .into_iter()
                .map(move |(line, word)| format!("{}:{line} mentions `{word}`", file.path))
        })
        .collect();
    fail_with(
        "domain/ is plain Rust (no rusqlite, tauri, notify_rust)",
        &violations,
    );
}

/// Where code (not comments or strings) names a crate the domain must not know.
fn foreign_mentions(lexed: &Lexed) -> Vec<(usize, String)> {
    let code = lexed.code.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < code.len() {
        if !is_ident_byte(code[i]) {
            i += 1;
            continue;
        }
        let end = ident_end(code, i);
        let word = &lexed.code[i..end];
        if ["rusqlite", "notify_rust", "tauri"].contains(&word) || word.starts_with("tauri_") {
            found.push((line_at(&lexed.code, i), word.to_string()));
        }
        i = end;
    }
    found
}

/// Lines with a `.store()` call (spaces allowed, as rustfmt splits chains).
fn store_calls(lexed: &Lexed) -> Vec<usize> {
    let code = lexed.code.as_bytes();
    lexed
        .code
        .match_indices('.')
        .filter(|(dot, _)| {
            let name = skip_whitespace(code, dot + 1);
            let open = skip_whitespace(code, name + "store".len());
            let close = skip_whitespace(code, open + 1);
            code[name..].starts_with(b"store")
                && code.get(open) == Some(&b'(')
                && code.get(close) == Some(&b')')
        })
        .map(|(dot, _)| line_at(&lexed.code, dot))
        .collect()
}

/// The one file where Rust cannot do safely what Tend needs (madvise and
/// malloc_trim when hidden to the tray); `unsafe_code` is denied everywhere else.
const UNSAFE_ALLOWED: &[&str] = &["src-tauri/app/light.rs"];

#[test]
fn unsafe_code_lives_in_one_file() {
    let codebase = Codebase::read();
    let violations: Vec<String> = codebase
        .files
        .iter()
        .filter(|file| !UNSAFE_ALLOWED.contains(&file.path.as_str()))
        .flat_map(|file| {
            let code = &file.lexed.code;
            word_positions(code, "unsafe")
                .chain(word_positions(code, "unsafe_code"))
                .map(move |at| format!("{}:{}", file.path, line_at(code, at)))
        })
        .collect();
    fail_with("unsafe code only in app/light.rs", &violations);
}

#[test]
fn the_desktop_shell_never_reaches_the_store() {
    let codebase = Codebase::read();
    let in_app = |file: &SourceFile| file.path.starts_with("src-tauri/app/");
    // (file, line, what): sorted so each file's findings read top to bottom.
    let mut violations: Vec<(&str, usize, String)> = codebase
        .edges(true)
        .iter()
        .filter(|edge| {
            in_app(&codebase.files[edge.from])
                && codebase.files[edge.to].path.starts_with("src-tauri/store/")
        })
        .map(|edge| {
            let path = codebase.files[edge.from].path.as_str();
            (path, edge.line, format!("imports `{}`", edge.path))
        })
        .collect();
    for file in codebase.files.iter().filter(|file| in_app(file)) {
        for line in store_calls(&file.lexed) {
            violations.push((file.path.as_str(), line, "calls `.store()`".into()));
        }
    }
    violations.sort();
    let violations: Vec<String> = violations
        .into_iter()
        .map(|(path, line, what)| format!("{path}:{line} {what}"))
        .collect();
    fail_with(
        "The desktop shell (src-tauri/app/) never reaches the store directly",
        &violations,
    );
}

// ---------------------------------------------------------------------------
// The scanner itself, on small inline sources, so the rules cannot pass by
// seeing nothing.

fn inline(sources: &[(&str, &str)]) -> Codebase {
    Codebase::new(
        sources
            .iter()
            .map(|(path, text)| (path.to_string(), text.to_string()))
            .collect(),
    )
}

fn targets_of(codebase: &Codebase, path: &str) -> BTreeMap<String, Vec<usize>> {
    let mut targets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for edge in codebase.edges(false) {
        if codebase.files[edge.from].path == path {
            targets
                .entry(codebase.files[edge.to].path.clone())
                .or_default()
                .push(edge.line);
        }
    }
    targets
}

#[test]
fn scanner_resolves_grouped_uses_and_inline_paths() {
    let codebase = inline(&[
        ("lib.rs", "pub mod api;\npub mod store;\npub mod domain;\n"),
        ("store/mod.rs", "pub mod followups;\npub struct Store;\n"),
        ("store/followups.rs", "pub fn get() {}\n"),
        ("domain/mod.rs", "pub mod contact;\n"),
        ("domain/contact.rs", "pub struct Contact;\n"),
        (
            "api/mod.rs",
            "mod followups;\npub struct Tend;\npub use followups::Done;\n",
        ),
        (
            "api/followups.rs",
            "use super::Tend;\n\
             pub use crate::{domain::{self, contact::{Contact}}, store::Store as S};\n\
             fn f() { crate::store::followups::get(); std::mem::drop(1); }\n",
        ),
    ]);
    let expected: BTreeMap<String, Vec<usize>> = [
        ("src-tauri/api/mod.rs", vec![1]),
        ("src-tauri/domain/mod.rs", vec![2]),
        ("src-tauri/domain/contact.rs", vec![2]),
        ("src-tauri/store/mod.rs", vec![2]),
        ("src-tauri/store/followups.rs", vec![3]),
    ]
    .into_iter()
    .map(|(path, lines)| (path.to_string(), lines))
    .collect();
    assert_eq!(
        targets_of(&codebase, "src-tauri/api/followups.rs"),
        expected
    );
    let from_mod = targets_of(&codebase, "src-tauri/api/mod.rs");
    assert_eq!(
        from_mod.keys().collect::<Vec<_>>(),
        ["src-tauri/api/followups.rs"],
        "`pub use followups::…` names the child; `mod followups;` alone would not"
    );
}

#[test]
fn scanner_finds_a_cycle_and_names_its_lines() {
    let codebase = inline(&[
        ("lib.rs", "pub mod a;\npub mod b;\npub mod c;\n"),
        ("a.rs", "use crate::b::f;\npub fn g() {}\n"),
        ("b.rs", "pub fn f() {\n    crate::c::h();\n}\n"),
        ("c.rs", "pub fn h() { super::a::g() }\n"),
    ]);
    let cycles = codebase.cycles();
    assert_eq!(cycles.len(), 1, "{cycles:?}");
    assert!(
        cycles[0].starts_with("cycle: src-tauri/a.rs ↔ src-tauri/b.rs ↔ src-tauri/c.rs"),
        "{}",
        cycles[0]
    );
    for line in [
        "src-tauri/a.rs:1 `crate::b::f` → src-tauri/b.rs",
        "src-tauri/b.rs:2 `crate::c::h` → src-tauri/c.rs",
        "src-tauri/c.rs:1 `super::a::g` → src-tauri/a.rs",
    ] {
        assert!(cycles[0].contains(line), "{line} in {}", cycles[0]);
    }
}

#[test]
fn scanner_ignores_comments_strings_and_test_modules() {
    let codebase = inline(&[
        ("lib.rs", "pub mod a;\npub mod b;\n"),
        ("a.rs", "pub fn g() {}\n"),
        (
            "b.rs",
            "// use crate::a::g;\n/* crate::a::g() /* nested */ crate::a::g() */\n\
             const TEXT: &str = \"crate::a::g\";\nconst RAW: &str = r#\"use crate::a;\"#;\n\
             const QUOTE: char = '\"'; fn f<'a>(x: &'a str) -> &'a str { x }\n\
             #[cfg(test)]\nmod tests {\n    use super::*;\n    fn t() { crate::a::g() }\n}\n",
        ),
    ]);
    assert!(targets_of(&codebase, "src-tauri/b.rs").is_empty());
    let literals: Vec<&str> = codebase.files[2]
        .lexed
        .strings
        .iter()
        .map(|literal| literal.text.as_str())
        .collect();
    assert_eq!(literals, ["crate::a::g", "use crate::a;"]);
}

#[test]
fn scanner_tells_sql_from_english() {
    for sql in [
        "SELECT id, name FROM contacts WHERE id = ?1",
        "SELECT count(*)\n         FROM followups",
        "INSERT INTO tags (name) VALUES (?1)",
        "INSERT OR IGNORE INTO tags (name) VALUES (?1)",
        "UPDATE contacts SET name = ?2",
        "DELETE FROM contact_search WHERE rowid = ?1",
        "CREATE TABLE x (a)",
        "PRAGMA journal_mode = WAL",
    ] {
        assert!(looks_like_sql(sql), "{sql:?} is SQL");
    }
    for english in [
        "Select a contact from the list",
        "Update your settings",
        "Delete from this device?",
        "SELECTED",
        "Created a table of contents",
        "PRAGMA",
    ] {
        assert!(!looks_like_sql(english), "{english:?} is not SQL");
    }
    let lexed = lex(concat!(
        "fn f() {\n",
        "    let a = \"Pick one from the list\";\n",
        "    let q = concat!(\"SELECT id \",\n        \"FROM contacts\");\n",
        "    let r = r#\"UPDATE \"stages\" SET x = 1\"#;\n",
        "    // SELECT x FROM y\n",
        "}\n",
    ));
    let lines: Vec<usize> = sql_lines(&lexed)
        .into_iter()
        .map(|(line, _)| line)
        .collect();
    assert_eq!(lines, [3, 5]);
}

#[test]
fn scanner_finds_foreign_crates_and_store_calls_in_code_only() {
    let lexed = lex(concat!(
        "use rusqlite::Connection;
",
        "// tauri would be wrong here
",
        "const NOTE: &str = \"notify_rust\";
",
        "fn f(app: tauri_plugin_x::Handle) { let tauriish = 1; }
",
        "fn g(tend: &Tend) { tend\n        .store()\n        .read(|c| Ok(())); tend.store_path(); }\n",
    ));
    assert_eq!(
        foreign_mentions(&lexed),
        [
            (1, "rusqlite".to_string()),
            (4, "tauri_plugin_x".to_string())
        ]
    );
    assert_eq!(store_calls(&lexed), [6], "the call, not `.store_path()`");
}
