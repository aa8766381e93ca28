//! Criterion benchmarks of each pipeline stage on every file of `fixtures/docs`
//! and `fixtures/pdf`, and on a long text made here.
//!
//! One group per fixture with one benchmark per stage (read, layout for PDFs,
//! normalize, detect, extract, check, write) and one for the whole
//! conversion, with the fixture's size as throughput, so the report shows
//! where time goes and how each stage scales with input size (pulldown-cmark
//! splits parse from render the same way). `long-text` repeats the text
//! fixtures to about 2 MB: its throughput beside a small fixture's shows a
//! stage that grows faster than its input. Run with `cargo bench --bench
//! pipeline`.

use std::fs;
use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};

use planex::{check, detect, extract, layout, normalize, read, Config};

struct Fixture {
    name: String,
    path: PathBuf,
    bytes: Vec<u8>,
}

/// Bytes of the long text made from the text fixtures.
const LONG_TEXT_BYTES: usize = 2_000_000;

fn fixtures() -> Vec<Fixture> {
    let mut found = fixtures_in("fixtures/docs");
    let mut long = Vec::new();
    while long.len() < LONG_TEXT_BYTES {
        for fixture in &found {
            long.extend_from_slice(&fixture.bytes);
            long.extend_from_slice(b"\n\n");
        }
    }
    found.push(Fixture {
        name: "long-text".to_owned(),
        path: PathBuf::from("long-text.txt"),
        bytes: long,
    });
    found.extend(fixtures_in("fixtures/pdf"));
    found
}

fn fixtures_in(folder: &str) -> Vec<Fixture> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut found: Vec<Fixture> = fs::read_dir(&dir)
        .expect("the fixture folder exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .map(|path| Fixture {
            name: path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default(),
            bytes: fs::read(&path).expect("fixture is readable"),
            path,
        })
        .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

fn stages(c: &mut Criterion) {
    let config = Config::default();
    for fixture in fixtures() {
        let raw =
            read::read_bytes(&fixture.path, &fixture.bytes, &config).expect("fixtures convert");
        let text = normalize::normalize(&raw);
        let profile = detect::detect(&text);
        let extraction = extract::extract(&text, &profile);
        let document = planex::convert_raw(raw.clone());

        let mut group = c.benchmark_group(fixture.name.clone());
        group.throughput(Throughput::Bytes(fixture.bytes.len() as u64));
        group.bench_function(BenchmarkId::from_parameter("1-read"), |b| {
            b.iter(|| read::read_bytes(&fixture.path, black_box(&fixture.bytes), &config))
        });
        // The read stage lays pages out as it reads them; the layout stage
        // alone runs on a raw document that keeps the glyphs.
        let with_glyphs = config.clone().with_glyph_pages();
        let glyph_raw = read::read_bytes(&fixture.path, &fixture.bytes, &with_glyphs)
            .expect("fixtures convert");
        let glyph_pages = glyph_raw.glyph_pages();
        if !glyph_pages.is_empty() {
            group.bench_function(BenchmarkId::from_parameter("1b-layout"), |b| {
                b.iter(|| layout::lay_out(black_box(&glyph_pages)))
            });
        }
        group.bench_function(BenchmarkId::from_parameter("2-normalize"), |b| {
            b.iter(|| normalize::normalize(black_box(&raw)))
        });
        group.bench_function(BenchmarkId::from_parameter("3-detect"), |b| {
            b.iter(|| detect::detect(black_box(&text)))
        });
        group.bench_function(BenchmarkId::from_parameter("4-extract"), |b| {
            b.iter(|| extract::extract(black_box(&text), black_box(&profile)))
        });
        group.bench_function(BenchmarkId::from_parameter("5-check"), |b| {
            b.iter_batched(
                || (extraction.clone(), profile.clone(), document.source.clone()),
                |(extraction, profile, source)| {
                    check::check(extraction, profile, source, Vec::new())
                },
                BatchSize::SmallInput,
            )
        });
        group.bench_function(BenchmarkId::from_parameter("6-write"), |b| {
            b.iter(|| {
                let mut json = serde_json::to_vec_pretty(black_box(&document)).expect("serializes");
                planex::write::csv::write_rows(&mut json, &fixture.name, &document)
                    .expect("writes to memory");
                json
            })
        });
        group.bench_function(BenchmarkId::from_parameter("all"), |b| {
            b.iter(|| planex::convert_bytes(&fixture.path, black_box(&fixture.bytes), &config))
        });
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
