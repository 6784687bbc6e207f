//! Writes realistic assessment files for the benchmark (`bench/run.sh`):
//! German answers of a few sentences, notes, partners, evidence, schedules,
//! own measures and every status. The same seed gives the same files.
//!
//! Most files are in the form kin writes them (with the template's comments);
//! about a quarter are compact, as a person might write them by hand.
//!
//! Run: `cargo run --release --example bench-gen -- --count 1101 --out DIR`

#[path = "../tests/support/random.rs"]
mod random;

use clap::Parser;
use jiff::civil::{Date, date};
use kin::domain::assessment::{Assessment, ItemState, Kommune, OwnMeasure};
use kin::domain::field::Field;
use kin::domain::status::Status;
use kin::format::write::{to_toml, update_document};
use random::Rng;
use std::path::PathBuf;
use toml_edit::DocumentMut;

/// Schreibt realistische Bewertungsdateien für den Benchmark.
#[derive(Debug, Parser)]
struct Args {
    /// Anzahl der Dateien
    #[arg(long, default_value_t = 1101)]
    count: usize,
    /// Startwert des Zufallsgenerators (gleicher Wert, gleiche Dateien)
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Zielordner (wird angelegt)
    #[arg(long)]
    out: PathBuf,
    /// Für `kin network`: eindeutige Namen, und die Partner sind die
    /// Nachbarn unter den erzeugten Kommunen (in Schreibvarianten, einige
    /// nur einseitig genannt) statt zufälliger Namen
    #[arg(long)]
    network: bool,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.out)?;
    let field = Field::embedded();
    let mut bytes = 0;
    for index in 0..args.count {
        // One stream per file, so a file does not depend on how many come before it.
        let mut rng = Rng::new(args.seed ^ (index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut assessment = assessment(&mut rng, index, field);
        if args.network {
            assessment.kommune.name = unique_name(index);
            // Random codes could repeat, and the same AGS twice is one
            // Kommune given twice.
            if assessment.kommune.ags.is_some() {
                assessment.kommune.ags = Some(format!("08{:06}", 100_000 + index));
            }
            network_partners(&mut assessment, index, &args, &mut rng, field);
        }
        let text = if rng.chance(25) {
            let mut compact = DocumentMut::new();
            update_document(&mut compact, &assessment, field);
            compact.to_string()
        } else {
            to_toml(&assessment, field)
        };
        let name = format!(
            "{:05}-{}.kin.toml",
            index + 1,
            slug(&assessment.kommune.name)
        );
        std::fs::write(args.out.join(name), &text)?;
        bytes += text.len();
    }
    eprintln!(
        "{} Dateien, {} KiB in {}",
        args.count,
        bytes / 1024,
        args.out.display()
    );
    Ok(())
}

/// A random date between the two years (days 1 to 28).
fn random_date(rng: &mut Rng, from_year: i16, to_year: i16) -> Date {
    let year = rng.between(from_year as usize, to_year as usize) as i16;
    date(year, rng.between(1, 12) as i8, rng.between(1, 28) as i8)
}

const PREFIXES: [&str; 12] = [
    "Ober",
    "Unter",
    "Nieder",
    "Hohen",
    "Mühl",
    "Kirch",
    "Bad ",
    "Schwäbisch ",
    "Alt",
    "Neu",
    "Groß",
    "Klein",
];
const STEMS: [&str; 12] = [
    "hausen", "bach", "ingen", "stetten", "weiler", "heim", "dorf", "tal", "bronn", "au",
    "münster", "büttel",
];
const BODIES: [&str; 10] = [
    "Landkreis",
    "Regionalverband Nordschwarzwald",
    "Zweckverband Wasserversorgung",
    "Gemeindeverwaltungsverband",
    "Energieagentur",
    "Volkshochschule",
    "Kreishandwerkerschaft",
    "IHK Region Stuttgart",
    "Naturpark Schönbuch",
    "Verkehrsverbund",
];
const SUBJECTS: [&str; 12] = [
    "Der Gemeinderat",
    "Die Verwaltung",
    "Das Bauamt",
    "Die Stabsstelle Nachhaltigkeit",
    "Der Bürgermeister",
    "Die Wirtschaftsförderung",
    "Ein Arbeitskreis aus Bürgerinnen und Bürgern",
    "Der Gemeindeverwaltungsverband",
    "Die Klimaschutzmanagerin",
    "Das Kämmereiamt",
    "Die Schulleitung",
    "Der Ortschaftsrat",
];
const VERBS: [&str; 10] = [
    "hat beschlossen,",
    "prüft derzeit,",
    "plant für das kommende Jahr,",
    "hat gemeinsam mit den Nachbarn vereinbart,",
    "möchte bis zur nächsten Haushaltsberatung klären,",
    "hat im Frühjahr begonnen,",
    "schlägt vor,",
    "hat bereits zugestimmt,",
    "überlegt,",
    "führt Gespräche darüber,",
];
const OBJECTS: [&str; 14] = [
    "den Bauhof mit der Nachbargemeinde zusammenzulegen.",
    "die Kläranlage künftig gemeinsam zu betreiben.",
    "ein interkommunales Gewerbegebiet auszuweisen.",
    "die Beschaffung von Streusalz und Dienstfahrzeugen zu bündeln.",
    "ein gemeinsames Klimaschutzkonzept für die Raumschaft zu erstellen.",
    "die Schulsozialarbeit über die Gemarkungsgrenze hinweg zu organisieren.",
    "Fördermittel aus dem Programm „Klimaschutz Plus“ zu beantragen.",
    "eine Städtepartnerschaft im Globalen Süden zu vertiefen.",
    "den Ortsbus mit dem Verkehrsverbund abzustimmen.",
    "das Hallenbad gemeinsam zu sanieren und zu betreiben.",
    "die Breitbandversorgung über einen Zweckverband auszubauen.",
    "ein Gründerzentrum für junge Unternehmen zu schaffen.",
    "Flächen für Photovoltaik auf den Dächern öffentlicher Gebäude zu prüfen.",
    "die Feuerwehren bei der Ausbildung enger zusammenarbeiten zu lassen.",
];
const REMARKS: [&str; 10] = [
    "Die Kosten werden nach Einwohnerzahl geteilt.",
    "Ein Zuschuss des Landes ist beantragt, der Bescheid steht noch aus.",
    "Erste Gespräche mit den Bürgermeistern der Nachbarorte verliefen positiv.",
    "Die Umsetzung hängt vom Haushalt 2027 ab.",
    "Bürgerinnen und Bürger wurden in zwei Workshops beteiligt.",
    "Der Kreistag unterstützt das Vorhaben ausdrücklich.",
    "Eine Machbarkeitsstudie liegt seit März vor.",
    "Die Zuständigkeiten sind in einer öffentlich-rechtlichen Vereinbarung geregelt.",
    "Wegen Personalmangels verzögert sich der Zeitplan um etwa ein Jahr.",
    "Größter Vorteil: weniger Doppelarbeit und geringere Kosten für alle Beteiligten.",
];
const ROLES: [&str; 8] = [
    "Hauptamt",
    "Bauamt",
    "Kämmerei",
    "Ordnungsamt",
    "Stabsstelle Nachhaltigkeit",
    "Amt für Bildung und Soziales",
    "Wirtschaftsförderung",
    "Bürgermeisteramt",
];
const FIRST_NAMES: [&str; 8] = [
    "Jürgen",
    "Sören",
    "Anna-Lena",
    "Özlem",
    "Björn",
    "Käthe",
    "Matthias",
    "Zoë",
];
const LAST_NAMES: [&str; 8] = [
    "Müller",
    "Schäfer",
    "Weiß",
    "Günther",
    "Yıldız",
    "Krämer",
    "Straßburger",
    "Hölderle",
];
const OWN_TITLES: [(&str, &str, &str); 10] = [
    ("gemeinsamer-bauhof", "infrastruktur", "Gemeinsamer Bauhof"),
    (
        "klaerschlamm-verwertung",
        "infrastruktur",
        "Gemeinsame Klärschlammverwertung",
    ),
    (
        "ortsbus",
        "konzepte",
        "Ortsbus im Verbund mit den Nachbarorten",
    ),
    (
        "beschaffung",
        "wirtschaft",
        "Gemeinsame nachhaltige Beschaffung",
    ),
    (
        "hallenbad",
        "infrastruktur",
        "Hallenbad im Verbund betreiben",
    ),
    (
        "ferienbetreuung",
        "bildung",
        "Ferienbetreuung für drei Gemeinden",
    ),
    (
        "fairtrade-region",
        "international",
        "Fairtrade-Region gemeinsam mit dem Landkreis",
    ),
    (
        "waermeplanung",
        "konzepte",
        "Kommunale Wärmeplanung im Konvoi",
    ),
    ("musikschule", "bildung", "Gemeinsame Musikschule"),
    (
        "breitband",
        "infrastruktur",
        "Breitbandausbau über einen Zweckverband",
    ),
];

fn kommune_name(rng: &mut Rng, index: usize) -> String {
    let name = format!("{}{}", rng.pick(&PREFIXES), rng.pick(&STEMS));
    // Prefixes like "Bad " end in a space; the stem then needs a capital.
    let mut name = match name.split_once(' ') {
        Some((first, rest)) => format!("{first} {}", capitalise(rest)),
        None => name,
    };
    if index % 7 == 3 {
        name.push_str(" am Neckar");
    }
    name
}

/// Name endings that make [`unique_name`] unique for more than a thousand
/// Kommunen.
const ENDINGS: [&str; 8] = [
    "",
    " am Neckar",
    " an der Enz",
    " im Tal",
    " ob der Steige",
    " am Wald",
    " an der Fils",
    " im Gäu",
];

/// A name no other generated Kommune has: prefix, stem and ending from the
/// index, and a number past all combinations.
fn unique_name(index: usize) -> String {
    let combinations = PREFIXES.len() * STEMS.len() * ENDINGS.len();
    let prefix = PREFIXES[index % PREFIXES.len()];
    let stem = STEMS[(index / PREFIXES.len()) % STEMS.len()];
    let ending = ENDINGS[(index / (PREFIXES.len() * STEMS.len())) % ENDINGS.len()];
    let stem = if prefix.ends_with(' ') {
        capitalise(stem)
    } else {
        stem.to_owned()
    };
    let mut name = format!("{prefix}{stem}{ending}");
    if index >= combinations {
        name.push_str(&format!(" {}", index / combinations + 1));
    }
    name
}

/// The partners of Kommune `index` for `kin network`: of its twelve nearest
/// neighbours (by index) about four in five cooperate with it, on one or two
/// suggestions decided by the pair, so both files agree; each side names the
/// other with a chance of 94 %, so some partnerships are one-sided. Names
/// come in the spellings people use ("Gemeinde …", capitals, ss for ß), and
/// one or two bodies (Landkreis, Verein, …) are named besides.
fn network_partners(a: &mut Assessment, index: usize, args: &Args, rng: &mut Rng, field: &Field) {
    for state in a.suggestions.values_mut() {
        state.partners.clear();
    }
    for measure in &mut a.own {
        measure.state.partners.clear();
    }
    let suggestions = field.suggestion_ids();
    let name = |suggestion: usize, partner: String, a: &mut Assessment| {
        let state = a
            .suggestions
            .entry(suggestions[suggestion].to_owned())
            .or_insert_with(|| ItemState {
                status: Status::Planned,
                ..ItemState::default()
            });
        if state.status == Status::Unknown {
            state.status = Status::Planned;
        }
        state.partners.push(partner);
    };
    for distance in 1..=6usize {
        for neighbour in [index.checked_sub(distance), Some(index + distance)] {
            let Some(neighbour) = neighbour.filter(|&n| n < args.count) else {
                continue;
            };
            let pair = Rng::new(
                args.seed
                    ^ 0x5eed
                    ^ ((index.min(neighbour) as u64) << 32)
                    ^ index.max(neighbour) as u64,
            )
            .next();
            if pair % 100 >= 80 {
                continue;
            }
            let side = Rng::new(pair ^ index as u64).next();
            if side % 100 >= 94 {
                continue;
            }
            let mut items = vec![(pair >> 8) as usize % suggestions.len()];
            if (pair >> 16) % 100 < 30 {
                items.push((pair >> 24) as usize % suggestions.len());
            }
            items.dedup();
            for item in items {
                name(item, spelling(rng, &unique_name(neighbour)), a);
            }
        }
    }
    for _ in 0..rng.between(1, 2) {
        let item = rng.between(0, suggestions.len() - 1);
        name(item, rng.pick(&BODIES).to_owned(), a);
    }
}

/// One of the ways people write a Kommune's name.
fn spelling(rng: &mut Rng, name: &str) -> String {
    match rng.between(0, 5) {
        0 => format!("Gemeinde {name}"),
        1 => name.to_uppercase(),
        2 => name
            .replace('ß', "ss")
            .replace('ä', "ae")
            .replace('ö', "oe")
            .replace('ü', "ue"),
        3 => name.replace(' ', "-"),
        _ => name.to_owned(),
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'ä' => slug.push_str("ae"),
            'ö' => slug.push_str("oe"),
            'ü' => slug.push_str("ue"),
            'ß' => slug.push_str("ss"),
            c if c.is_ascii_alphanumeric() => slug.push(c),
            _ if !slug.ends_with('-') => slug.push('-'),
            _ => {}
        }
    }
    slug.trim_matches('-').to_owned()
}

fn sentences(rng: &mut Rng, low: usize, high: usize) -> String {
    let mut text = Vec::new();
    for _ in 0..rng.between(low, high) {
        if rng.chance(60) {
            text.push(format!(
                "{} {} {}",
                rng.pick(&SUBJECTS),
                rng.pick(&VERBS),
                rng.pick(&OBJECTS)
            ));
        } else {
            text.push(rng.pick(&REMARKS).to_owned());
        }
    }
    text.join(" ")
}

fn partners(rng: &mut Rng) -> Vec<String> {
    (0..rng.between(0, 4))
        .map(|_| {
            if rng.chance(70) {
                kommune_name(rng, 0)
            } else {
                rng.pick(&BODIES).to_owned()
            }
        })
        .collect()
}

fn evidence(rng: &mut Rng, kommune: &str) -> Vec<String> {
    (0..rng.between(0, 3))
        .map(|_| match rng.between(0, 2) {
            0 => format!(
                "GR-Beschluss {}/{}",
                rng.between(2018, 2026),
                rng.between(1, 140)
            ),
            1 => format!(
                "https://www.{}.example/nachhaltigkeit/{}.pdf",
                slug(kommune),
                rng.between(100, 999)
            ),
            _ => format!(
                "Protokoll der Verbandsversammlung vom {}",
                random_date(rng, 2020, 2026)
            ),
        })
        .collect()
}

fn status(rng: &mut Rng) -> Status {
    // Roughly what a year of work looks like: much open or planned, some done.
    match rng.between(0, 99) {
        0..=9 => Status::Unknown,
        10..=29 => Status::Open,
        30..=49 => Status::Planned,
        50..=69 => Status::InProgress,
        70..=91 => Status::Done,
        _ => Status::NotApplicable,
    }
}

fn item_state(rng: &mut Rng, kommune: &str) -> ItemState {
    let status = status(rng);
    let mut state = ItemState {
        status,
        ..ItemState::default()
    };
    // not-applicable gets its reason, as kin asks for one.
    if status == Status::NotApplicable || (status != Status::Unknown && rng.chance(80)) {
        state.note = Some(sentences(rng, 1, 4));
    }
    if status.has_details() {
        state.partners = partners(rng);
        state.evidence = evidence(rng, kommune);
    }
    if status.has_schedule() {
        if rng.chance(70) {
            state.responsible = Some(if rng.chance(50) {
                rng.pick(&ROLES).to_owned()
            } else {
                format!("{} {}", rng.pick(&FIRST_NAMES), rng.pick(&LAST_NAMES))
            });
        }
        if rng.chance(60) {
            state.due = Some(random_date(rng, 2026, 2029));
        }
    }
    state
}

fn assessment(rng: &mut Rng, index: usize, field: &Field) -> Assessment {
    let name = kommune_name(rng, index);
    let kommune = Kommune {
        ags: rng
            .chance(85)
            .then(|| format!("08{:06}", rng.between(100_000, 999_999))),
        assessor: rng.chance(80).then(|| {
            format!(
                "{} {}, {}",
                rng.pick(&FIRST_NAMES),
                rng.pick(&LAST_NAMES),
                rng.pick(&ROLES)
            )
        }),
        date: random_date(rng, 2024, 2026),
        name,
    };
    let name = kommune.name.clone();
    let mut a = Assessment::new(field, kommune);
    for question in &field.questions {
        if rng.chance(85) {
            a.answers.insert(question.id.clone(), sentences(rng, 2, 5));
        }
    }
    for (_, suggestion) in field.suggestions() {
        let state = item_state(rng, &name);
        if state != ItemState::default() {
            a.suggestions.insert(suggestion.id.clone(), state);
        }
    }
    let mut own: Vec<_> = OWN_TITLES.iter().collect();
    for _ in 0..rng.between(0, 5) {
        let (id, category, title) = own.remove(rng.between(0, own.len() - 1));
        let mut state = item_state(rng, &name);
        if state.status == Status::Unknown {
            state.status = Status::Planned;
        }
        a.own.push(OwnMeasure {
            id: (*id).to_owned(),
            category: (*category).to_owned(),
            title: (*title).to_owned(),
            state,
        });
    }
    a
}
