//! Criterion benchmarks of each pipeline stage on every file of `fixtures/docs`.
//!
//! One group per stage (read, normalize, detect, extract, check, write) and
//! one for the whole conversion, each with one benchmark per fixture and the
//! fixture's size as throughput, so the report shows where time goes and how
//! each stage scales with input size (pulldown-cmark splits parse from render
//! the same way). Run with `cargo bench --bench pipeline`.

use std::fs;
use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};

use planex::{check, detect, extract, normalize, read, Config};

struct Fixture {
    name: String,
    path: PathBuf,
    bytes: Vec<u8>,
}

fn fixtures() -> Vec<Fixture> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/docs");
    let mut found: Vec<Fixture> = fs::read_dir(&dir)
        .expect("fixtures/docs exists")
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
