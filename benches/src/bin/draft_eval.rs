//! Scores `diplograph draft`'s attributions against PolNeAR (political news, hand-annotated
//! Source / Cue / Content), and measures drafting speed.
//!
//! ```text
//! cargo run --release -p diplograph-benches --bin draft_eval -- [train|dev] [--polnear DIR] [--show N]
//! ```
//!
//! The corpus is read from `--polnear DIR`, `$DIPLOGRAPH_POLNEAR`, or `../shared/polnear`
//! beside the repository; when it is absent the tool says so and exits 0 (a user's clone has
//! no corpus). The test split is never read.
//!
//! Scoring, per annotation file (an article annotated twice is two readings):
//! - a drafted content *matches* a gold content partially when it covers at least half of the
//!   gold content's tokens (whitespace-separated words), exactly when both have the same
//!   extent once surrounding spaces and punctuation are trimmed; drafted and gold contents are
//!   paired one to one, greedily by overlap;
//! - precision = matched drafted / drafted, recall = matched gold / gold, F1 their harmonic mean;
//!   "quoted" counts only contents holding a quotation mark (`"`, `“`, `”`, or the `''` some
//!   publishers print for one), gold and drafted alike;
//! - speaker correct: among partial matches whose gold has a Source, the drafted speaker's
//!   cited words overlap it; cue correct: the drafted cue overlaps the gold Cue.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

use diplograph::draft::{draft, DraftOptions, DraftedStatement};

/// One gold attribution, in byte spans.
struct Gold {
    content: Vec<Range<usize>>,
    cue: Vec<Range<usize>>,
    source: Vec<Range<usize>>,
}

#[derive(Default)]
struct Counts {
    gold: usize,
    drafted: usize,
    /// Drafted contents matched (partially / exactly) to a gold content.
    drafted_partial: usize,
    drafted_exact: usize,
    partial: usize,
    exact: usize,
    speaker_scored: usize,
    speaker_correct: usize,
    cue_correct: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.gold += other.gold;
        self.drafted += other.drafted;
        self.drafted_partial += other.drafted_partial;
        self.drafted_exact += other.drafted_exact;
        self.partial += other.partial;
        self.exact += other.exact;
        self.speaker_scored += other.speaker_scored;
        self.speaker_correct += other.speaker_correct;
        self.cue_correct += other.cue_correct;
    }

    fn line(&self, label: &str) -> String {
        let prf = |d: usize, m: usize| {
            let p = ratio(d, self.drafted);
            let r = ratio(m, self.gold);
            let f = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            (p, r, f)
        };
        let (pp, pr, pf) = prf(self.drafted_partial, self.partial);
        let (ep, er, ef) = prf(self.drafted_exact, self.exact);
        format!(
            "| {label} | {} | {} | {pp:.3} | {pr:.3} | **{pf:.3}** | {ep:.3} | {er:.3} | {ef:.3} | {:.1}% | {:.1}% |",
            self.gold,
            self.drafted,
            100.0 * ratio(self.speaker_correct, self.speaker_scored),
            100.0 * ratio(self.cue_correct, self.partial),
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Whether to print one line per missed gold attribution (`MISS\tcue\tsource\tcontent`).
static MISSES: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Nanoseconds this thread has run on a CPU (Linux: `/proc/thread-self/schedstat`), so that
/// the rate per core holds on a machine shared with other work; `None` elsewhere.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

fn find_corpus(arg: Option<PathBuf>) -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(a) = arg {
        candidates.push(a);
    }
    if let Some(env) = std::env::var_os("DIPLOGRAPH_POLNEAR") {
        candidates.push(PathBuf::from(env));
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    for up in ["../../shared/polnear", "../../../shared/polnear"] {
        candidates.push(manifest.join(up));
    }
    candidates.into_iter().find(|c| c.join("train").is_dir())
}

/// Byte offset of each character index (one past the end included).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut map: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    map.push(text.len());
    map
}

fn parse_ann(ann: &str, map: &[usize]) -> Vec<Gold> {
    let mut spans: BTreeMap<&str, Vec<Range<usize>>> = BTreeMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(head)) = (parts.next(), parts.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let mut words = head.splitn(2, ' ');
            let _label = words.next();
            let ranges = words.next().unwrap_or("");
            let mut list = Vec::new();
            for r in ranges.split(';') {
                let mut ends = r.split(' ');
                let a = ends.next().and_then(|x| x.parse::<usize>().ok());
                let b = ends.next().and_then(|x| x.parse::<usize>().ok());
                if let (Some(a), Some(b)) = (a, b) {
                    if b <= map.len().saturating_sub(1) && a <= b {
                        list.push(map[a]..map[b]);
                    }
                }
            }
            spans.insert(id, list);
        } else if id.starts_with('E') {
            events.push(head);
        }
    }
    events
        .into_iter()
        .map(|head| {
            let mut gold = Gold {
                content: Vec::new(),
                cue: Vec::new(),
                source: Vec::new(),
            };
            for part in head.split(' ') {
                let Some((role, t)) = part.split_once(':') else {
                    continue;
                };
                let s = spans.get(t).cloned().unwrap_or_default();
                match role {
                    "Content" => gold.content = s,
                    "Cue" => gold.cue = s,
                    "Source" => gold.source = s,
                    _ => {}
                }
            }
            gold
        })
        .filter(|g| !g.content.is_empty())
        .collect()
}

fn overlaps(a: &[Range<usize>], b: &[Range<usize>]) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| x.start < y.end && y.start < x.end))
}

/// Word spans (whitespace-separated) inside `pieces`.
fn tokens(text: &str, pieces: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for p in pieces {
        let slice = &text[p.clone()];
        let mut start = None;
        for (i, c) in slice.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    out.push(p.start + s..p.start + i);
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            out.push(p.start + s..p.end);
        }
    }
    out
}

fn covered(gold_tokens: &[Range<usize>], drafted: &[Range<usize>]) -> usize {
    gold_tokens
        .iter()
        .filter(|t| drafted.iter().any(|d| t.start < d.end && d.start < t.end))
        .count()
}

fn trimmed_extent(text: &str, pieces: &[Range<usize>]) -> Option<(usize, usize)> {
    let start = pieces.iter().map(|r| r.start).min()?;
    let end = pieces.iter().map(|r| r.end).max()?;
    let slice = &text[start..end];
    let keep = |c: char| c.is_alphanumeric();
    let a = slice.find(keep)?;
    let b = slice.rfind(keep)?;
    let last = slice[b..].chars().next().map_or(1, char::len_utf8);
    Some((start + a, start + b + last))
}

fn quoted(text: &str, pieces: &[Range<usize>]) -> bool {
    pieces.iter().any(|r| {
        let words = &text[r.clone()];
        words.contains(['"', '\u{201c}', '\u{201d}']) || words.contains("''")
    })
}

/// Scores one reading: (all, quoted).
fn score(
    text: &str,
    gold: &[Gold],
    drafted: &[DraftedStatement],
    show: &mut usize,
    name: &str,
) -> (Counts, Counts) {
    let mut all = Counts::default();
    let mut q = Counts::default();
    all.gold = gold.len();
    all.drafted = drafted.len();
    q.gold = gold.iter().filter(|g| quoted(text, &g.content)).count();
    q.drafted = drafted.iter().filter(|d| quoted(text, &d.content)).count();
    let mut used = vec![false; drafted.len()];
    let mut used_exact = vec![false; drafted.len()];
    let mut missed = Vec::new();
    for g in gold {
        let gt = tokens(text, &g.content);
        if gt.is_empty() {
            continue;
        }
        let best = drafted
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .map(|(i, d)| (covered(&gt, &d.content), i))
            .filter(|(c, _)| 2 * c >= gt.len() && *c > 0)
            .max_by_key(|(c, i)| (*c, std::cmp::Reverse(*i)));
        let is_quoted = quoted(text, &g.content);
        let Some((_, i)) = best else {
            if MISSES.load(std::sync::atomic::Ordering::Relaxed) {
                let words = |r: &[Range<usize>]| {
                    r.iter()
                        .map(|x| text[x.clone()].replace(['\n', '\t'], " "))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                println!(
                    "MISS\t{}\t{}\t{}",
                    words(&g.cue),
                    words(&g.source),
                    words(&g.content).chars().take(150).collect::<String>()
                );
            }
            missed.push(g);
            continue;
        };
        used[i] = true;
        let d = &drafted[i];
        let exact = trimmed_extent(text, &g.content) == trimmed_extent(text, &d.content);
        used_exact[i] = exact;
        let speaker_scored = !g.source.is_empty();
        let speaker_ok = speaker_scored
            && d.speaker
                .as_ref()
                .is_some_and(|s| overlaps(&g.source, std::slice::from_ref(s)));
        let cue_ok = overlaps(&g.cue, std::slice::from_ref(&d.cue));
        for (c, counts) in [(true, &mut all), (is_quoted, &mut q)] {
            if !c {
                continue;
            }
            counts.partial += 1;
            counts.exact += usize::from(exact);
            counts.speaker_scored += usize::from(speaker_scored);
            counts.speaker_correct += usize::from(speaker_ok);
            counts.cue_correct += usize::from(cue_ok);
        }
        if *show > 0 && speaker_scored && !speaker_ok {
            *show -= 1;
            println!(
                "WRONG SPEAKER {name}: gold {:?} drafted {:?} | content {:?}",
                g.source
                    .iter()
                    .map(|r| &text[r.clone()])
                    .collect::<Vec<_>>(),
                d.speaker.as_ref().map(|s| &text[s.clone()]),
                &text[g.content[0].clone()]
                    .chars()
                    .take(80)
                    .collect::<String>()
            );
        }
    }
    for (i, d) in drafted.iter().enumerate() {
        if !used[i] {
            continue;
        }
        let exact = used_exact[i];
        all.drafted_partial += 1;
        all.drafted_exact += usize::from(exact);
        if quoted(text, &d.content) {
            q.drafted_partial += 1;
            q.drafted_exact += usize::from(exact);
        }
    }
    if *show > 0 {
        for g in missed.iter().take(2) {
            *show = show.saturating_sub(1);
            println!(
                "MISSED {name}: cue {:?} source {:?} content {:?}",
                g.cue.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(),
                g.source
                    .iter()
                    .map(|r| &text[r.clone()])
                    .collect::<Vec<_>>(),
                &text[g.content[0].clone()]
                    .chars()
                    .take(100)
                    .collect::<String>()
            );
        }
        for (i, d) in drafted.iter().enumerate() {
            if !used[i] && *show > 0 {
                *show -= 1;
                println!(
                    "SPURIOUS {name}: cue {:?} speaker {:?} content {:?}",
                    &text[d.cue.clone()],
                    d.speaker.as_ref().map(|s| &text[s.clone()]),
                    &text[d.content[0].clone()]
                        .chars()
                        .take(100)
                        .collect::<String>()
                );
            }
        }
    }
    (all, q)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut split = "dev".to_string();
    let mut dir = None;
    let mut show = 0usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--polnear" => dir = args.next().map(PathBuf::from),
            "--show" => show = args.next().and_then(|n| n.parse().ok()).unwrap_or(20),
            "--misses" => {
                MISSES.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            "train" | "dev" => split = a,
            "test" => {
                eprintln!(
                    "draft_eval: the test split is held back for acceptance; use train or dev"
                );
                std::process::exit(2);
            }
            other => {
                eprintln!("draft_eval: unknown argument `{other}` (usage: draft_eval [train|dev] [--polnear DIR] [--show N])");
                std::process::exit(2);
            }
        }
    }
    let Some(corpus) = find_corpus(dir) else {
        println!(
            "draft_eval: PolNeAR not found (looked in --polnear, $DIPLOGRAPH_POLNEAR and \
             ../shared/polnear beside the repository, which a user's clone does not have); \
             nothing to score, an optional evaluation"
        );
        return;
    };
    let text_dir = corpus.join(&split).join("text");
    let ann_dir = corpus.join(&split).join("attributions");
    let mut names: Vec<PathBuf> = match std::fs::read_dir(&text_dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            println!(
                "draft_eval: cannot read {}: {e}; nothing to score",
                text_dir.display()
            );
            return;
        }
    };
    names.sort();
    let mut anns: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    anns.sort();
    let mut all = Counts::default();
    let mut q = Counts::default();
    let mut bytes = 0usize;
    let mut seconds = 0f64;
    let mut cpu_seconds = 0f64;
    let mut readings = 0usize;
    for path in &names {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let options = DraftOptions::default();
        let c0 = cpu_ns();
        let t0 = Instant::now();
        let drafted = draft(&text, &options);
        seconds += t0.elapsed().as_secs_f64();
        if let (Some(a), Some(b)) = (c0, cpu_ns()) {
            cpu_seconds += b.saturating_sub(a) as f64 / 1e9;
        }
        bytes += text.len();
        let map = char_to_byte(&text);
        for ann in anns.iter().filter(|a| {
            a.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(stem) && n.len() == stem.len() + 9)
        }) {
            let Ok(ann_text) = std::fs::read_to_string(ann) else {
                continue;
            };
            let gold = parse_ann(&ann_text, &map);
            let (a, b) = score(&text, &gold, &drafted.statements, &mut show, stem);
            all.add(&a);
            q.add(&b);
            readings += 1;
        }
    }
    println!(
        "PolNeAR {split}: {} articles, {readings} annotation files\n",
        names.len()
    );
    println!("| attributions | gold | drafted | P (partial) | R (partial) | F1 (partial) | P (exact) | R (exact) | F1 (exact) | speaker correct | cue correct |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    println!("{}", q.line("quoted content"));
    println!("{}", all.line("all"));
    println!(
        "\nspeed: {:.2} MB of text in {:.3} s = {:.1} MB/s wall clock, one thread (whole draft: reading, attributions, names, dates, agreements, graph, validation)",
        bytes as f64 / 1e6,
        seconds,
        bytes as f64 / 1e6 / seconds.max(1e-9)
    );
    if cpu_seconds > 0.0 {
        println!(
            "       {:.3} s on a CPU = {:.1} MB per CPU-second (the rate of one core, however loaded the machine)",
            cpu_seconds,
            bytes as f64 / 1e6 / cpu_seconds
        );
    }
}
