//! Fuzzing on stable Rust: mutations of real assessment files (flipped,
//! inserted and deleted bytes, cut-offs, splices, file words) through the
//! same invariants as the cargo-fuzz target (fuzz/invariants.rs).
//!
//! `cargo test` runs a short, deterministic round; for a long one:
//! `KIN_FUZZ_ITERATIONS=1000000 KIN_FUZZ_SEED=7 cargo test --release --test library fuzz_stable -- --nocapture`
//! A failing input is written to `target/fuzz-stable-failure.kin.toml`.

#[path = "../../fuzz/invariants.rs"]
mod invariants;

use crate::support::random::Rng;
use kin::domain::field::Field;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::Path;

/// Bytes worth inserting: the file's own words and what breaks parsers.
const TOKENS: &[&[u8]] = &[
    b"schema = 1\n",
    b"[kommune]\n",
    b"[suggestions.konzepte-mobilitaet]\n",
    b"[[own]]\n",
    b"status = \"done\"\n",
    b"status = \"not-applicable\"\n",
    b"note = \"\"\"\n",
    b"'''",
    b"partners = [\"A\", ]\n",
    b"due = 2026-02-30\n",
    b"date = 2026-06-30T10:00:00Z\n",
    b"id = \"bauhof\"\n",
    b"category = \"konzepte\"\n",
    b"title = \"\"\n",
    b"<<<<<<< HEAD\n",
    b"=======\r\n",
    b"\xEF\xBB\xBF",
    b"\r\n",
    b"\x1b[31m",
    b"\0",
    b"\xff\xfe",
    b"\\u0000",
    b"\\U0010FFFF",
    b"a.b.c.d.e.f = 1\n",
    b"x = [[[[[[[[[[]]]]]]]]]]\n",
    b"x = {a = {b = {c = {}}}}\n",
];

fn seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = Vec::new();
    for dir in ["examples", "tests/fixtures/check", "fuzz/seeds/load"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".kin.toml"))
            .collect();
        paths.sort();
        seeds.extend(paths.iter().map(|p| std::fs::read(p).unwrap()));
    }
    seeds
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    for _ in 0..=rng.below(6) {
        let at = rng.below(input.len() + 1);
        match rng.below(8) {
            0 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] ^= 1 << rng.below(8);
            }
            1 => input.insert(at, rng.next() as u8),
            2 => {
                let end = (at + rng.below(64)).min(input.len());
                input.drain(at..end);
            }
            3 => input.truncate(at),
            4 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                input.splice(at..at, token.iter().copied());
            }
            5 => {
                // Copy a piece of this or another file to here.
                let from = &seeds[rng.below(seeds.len())];
                let start = rng.below(from.len());
                let end = (start + rng.below(200)).min(from.len());
                let piece = from[start..end].to_vec();
                input.splice(at..at, piece);
            }
            6 if !input.is_empty() => {
                // Repeat a line-sized piece many times.
                let start = rng.below(input.len());
                let end = (start + rng.below(40)).min(input.len());
                let piece = input[start..end].repeat(rng.below(50));
                input.splice(start..start, piece);
            }
            _ => {
                let i = rng.below(input.len() + 1);
                let byte = *[b'"', b'\n', b'[', b']', b'=', b'#', b'\\', 0x1b, 0xc3]
                    .get(rng.below(9))
                    .unwrap();
                input.insert(i, byte);
            }
        }
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn mutated_files_keep_every_invariant() {
    let field = Field::embedded();
    let seeds = seeds();
    let iterations = env_number("KIN_FUZZ_ITERATIONS", 2000);
    let mut rng = Rng::new(env_number("KIN_FUZZ_SEED", 1));
    let started = std::time::Instant::now();
    for seed in &seeds {
        invariants::check_any_bytes(seed, field);
    }
    for _ in 0..iterations {
        let mut input = seeds[rng.below(seeds.len())].clone();
        mutate(&mut rng, &mut input, &seeds);
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| {
            invariants::check_any_bytes(&input, field)
        })) {
            let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
                .join("..")
                .join("fuzz-stable-failure.kin.toml");
            std::fs::write(&path, &input).unwrap();
            eprintln!("failing input written to {}", path.display());
            resume_unwind(panic);
        }
    }
    eprintln!(
        "{iterations} mutated inputs in {:.1} s, no invariant broken",
        started.elapsed().as_secs_f64()
    );
}
