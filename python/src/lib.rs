//! `planex._planex`: the native half of the Python package `planex`.
//!
//! Every function returns JSON text made by serde_json exactly as the CLI
//! makes it, so a document from Python is the CLI's document byte for byte;
//! `python/planex/__init__.py` turns the text into dicts and is the
//! documented API. Conversion runs with the GIL released. A failed input
//! raises the exception class of its error kind (`planex.EncryptedError` for
//! `encrypted`…), whose `kind` and message are those of a `planex batch`
//! error record.

use std::path::PathBuf;

use planex::batch::{self, Failure};
use planex::{Config, Fallback};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyType;

create_exception!(
    planex,
    PlanexError,
    PyException,
    "An input planex could not convert; `kind` is the error kind of its batch record."
);
create_exception!(
    planex,
    IoError,
    PlanexError,
    "Kind `io`: the input could not be read."
);
create_exception!(
    planex,
    TooLargeError,
    PlanexError,
    "Kind `too_large`: the input is over the size limit."
);
create_exception!(
    planex,
    EmptyError,
    PlanexError,
    "Kind `empty`: no bytes, or no text at all."
);
create_exception!(
    planex,
    UnsupportedFormatError,
    PlanexError,
    "Kind `unsupported_format`: neither a PDF nor text."
);
create_exception!(
    planex,
    EncryptedError,
    PlanexError,
    "Kind `encrypted`: the empty user password does not open the PDF."
);
create_exception!(
    planex,
    PdfError,
    PlanexError,
    "Kind `pdf_error`: the PDF is malformed beyond repair."
);
create_exception!(
    planex,
    NoPagesError,
    PlanexError,
    "Kind `no_pages`: the PDF has no pages."
);
create_exception!(
    planex,
    CrashedError,
    PlanexError,
    "Kind `crashed`: the PDF extractor panicked on the document."
);

/// The exception class of each error kind the library can report; other
/// kinds (`timeout`, `memory_limit`, `worker_error` only come from a batch's
/// worker pool) raise [`PlanexError`] itself.
fn class_of<'py>(py: Python<'py>, kind: &str) -> Bound<'py, PyType> {
    match kind {
        "io" => py.get_type::<IoError>(),
        "too_large" => py.get_type::<TooLargeError>(),
        "empty" => py.get_type::<EmptyError>(),
        "unsupported_format" => py.get_type::<UnsupportedFormatError>(),
        "encrypted" => py.get_type::<EncryptedError>(),
        "pdf_error" => py.get_type::<PdfError>(),
        "no_pages" => py.get_type::<NoPagesError>(),
        "crashed" => py.get_type::<CrashedError>(),
        _ => py.get_type::<PlanexError>(),
    }
}

/// The exception for `failure`: its class by kind, `args == (message,)`,
/// and `kind` set on the instance.
fn raise(py: Python<'_>, failure: &Failure) -> PyErr {
    let made = class_of(py, &failure.kind)
        .call1((failure.message.as_str(),))
        .and_then(|exception| {
            exception.setattr("kind", failure.kind.as_str())?;
            Ok(PyErr::from_value(exception))
        });
    made.unwrap_or_else(|err| err)
}

fn config(fallback: Option<&str>) -> PyResult<Config> {
    let fallback = match fallback {
        None | Some("none") => Fallback::None,
        Some("pdftotext") => Fallback::Pdftotext,
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "fallback must be None, \"none\" or \"pdftotext\", not {other:?}"
            )))
        }
    };
    Ok(Config::default().with_fallback(fallback))
}

fn document_json(py: Python<'_>, converted: Result<planex::Document, Failure>) -> PyResult<String> {
    let document = converted.map_err(|failure| raise(py, &failure))?;
    serde_json::to_string(&document).map_err(|err| PyValueError::new_err(err.to_string()))
}

/// The document of the file at `path`, as `planex extract --compact PATH` prints it.
#[pyfunction]
#[pyo3(signature = (path, *, fallback=None))]
fn extract_path_json(py: Python<'_>, path: PathBuf, fallback: Option<&str>) -> PyResult<String> {
    let config = config(fallback)?;
    let converted = py.detach(|| batch::worker::convert_in_process(&path, &config));
    document_json(py, converted)
}

/// The document of `data`, named `name` (`source.path`), as
/// `planex extract --compact -` prints it for `name` "-".
#[pyfunction]
#[pyo3(signature = (data, name, *, fallback=None))]
fn extract_bytes_json(
    py: Python<'_>,
    data: &[u8],
    name: &str,
    fallback: Option<&str>,
) -> PyResult<String> {
    let config = config(fallback)?;
    let converted = py.detach(|| {
        batch::worker::convert_bytes_in_process(std::path::Path::new(name), data, &config)
    });
    document_json(py, converted)
}

/// The `documents.jsonl` line `planex batch` writes for input `input` whose
/// content is `data`: a document or an error record, never an exception.
#[pyfunction]
#[pyo3(signature = (input, data, *, fallback=None))]
fn batch_line(
    py: Python<'_>,
    input: &str,
    data: &[u8],
    fallback: Option<&str>,
) -> PyResult<String> {
    let config = config(fallback)?;
    py.detach(|| batch::line_for_bytes(input, data, &config))
        .map_err(|err| PyValueError::new_err(err.to_string()))
}

/// The inputs `planex batch ROOT...` would convert, in its order, as it names them.
#[pyfunction]
fn batch_inputs(py: Python<'_>, roots: Vec<PathBuf>) -> PyResult<Vec<String>> {
    let found = py
        .detach(|| batch::discover(&roots, None, None))
        .map_err(|err| pyo3::exceptions::PyOSError::new_err(err.to_string()))?;
    Ok(found
        .inputs
        .iter()
        .map(|input| input.path.display().to_string())
        .collect())
}

/// The JSON Schema named `name`, as `planex schema NAME` prints it (compact).
#[pyfunction]
fn schema_json(name: &str) -> PyResult<String> {
    let schema = match name {
        "document" => planex::model::document_schema(),
        "batch-line" | "batch_line" => batch::batch_line_schema(),
        "summary" => batch::summary_schema(),
        "pair" => planex::pair::pair_schema(),
        other => {
            return Err(PyValueError::new_err(format!(
                "no schema {other:?}: document, batch-line, summary or pair"
            )))
        }
    };
    serde_json::to_string(&schema).map_err(|err| PyValueError::new_err(err.to_string()))
}

#[pymodule]
fn _planex(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add("__version__", batch::PLANEX_VERSION)?;
    module.add_function(wrap_pyfunction!(extract_path_json, module)?)?;
    module.add_function(wrap_pyfunction!(extract_bytes_json, module)?)?;
    module.add_function(wrap_pyfunction!(batch_line, module)?)?;
    module.add_function(wrap_pyfunction!(batch_inputs, module)?)?;
    module.add_function(wrap_pyfunction!(schema_json, module)?)?;
    module.add("PlanexError", py.get_type::<PlanexError>())?;
    py.get_type::<PlanexError>().setattr("kind", py.None())?;
    for kind in [
        "io",
        "too_large",
        "empty",
        "unsupported_format",
        "encrypted",
        "pdf_error",
        "no_pages",
        "crashed",
    ] {
        let class = class_of(py, kind);
        class.setattr("kind", kind)?;
        module.add(class.name()?, class)?;
    }
    Ok(())
}
