//! Worker processes: the protocol, the worker's loop, and the parent's handle on one worker.
//!
//! # Protocol
//!
//! The parent starts `planex __worker --max-memory BYTES --max-bytes BYTES`
//! and writes one [`Request`] per line (JSON) on its standard input; the
//! worker answers each with one line on standard output: [`RESPONSE_MARKER`]
//! followed by a [`Response`] as JSON. The marker lets the parent ignore
//! anything a library might print on standard output. The worker exits when
//! its standard input closes. Standard error is kept by the parent (its tail
//! tells an out-of-memory abort from another crash).

use std::io::{self, BufRead, BufReader, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::Failure;
use crate::config::Config;
use crate::model::Document;

/// The hidden subcommand that runs a worker.
pub const WORKER_SUBCOMMAND: &str = "__worker";

/// Starts every response line.
pub const RESPONSE_MARKER: &str = "\u{1e}planex-response ";

/// How often a waiting parent looks at the cancel flag.
const POLL: Duration = Duration::from_millis(100);

/// Keep this much of a worker's standard error.
const STDERR_TAIL: usize = 4096;

/// Convert the file at `path`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// The file, as the parent names it (it becomes `source.path`).
    pub path: String,
}

/// The worker's answer to one [`Request`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// The document.
    Document(Box<Document>),
    /// Why there is none.
    Error(Failure),
}

/// Settings for worker processes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerOptions {
    /// The planex executable to re-execute (the binary passes `std::env::current_exe()`).
    pub exe: PathBuf,
    /// Time limit per file.
    pub timeout: Duration,
    /// Address-space limit of each worker, in bytes (RLIMIT_AS, set by the worker itself).
    pub max_memory: u64,
    /// Inputs larger than this are refused.
    pub max_bytes: u64,
    /// Threads that read the pages of one PDF in each worker.
    pub page_threads: usize,
}

/// The worker's loop: answers requests from `input` on `output` until `input` ends.
///
/// Conversion panics are caught (pdf-extract's are already caught by the
/// reader; this is the backstop) and answered as `crashed` errors.
///
/// # Errors
/// When `input` cannot be read or `output` written (the parent is gone).
pub fn serve(input: impl BufRead, mut output: impl Write, config: &Config) -> io::Result<()> {
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let response = match serde_json::from_str::<Request>(&line) {
            Ok(request) => convert(&request.path, config),
            Err(err) => Response::Error(Failure::new(
                "worker_error",
                format!("malformed request: {err}"),
            )),
        };
        output.write_all(RESPONSE_MARKER.as_bytes())?;
        serde_json::to_writer(&mut output, &response)?;
        output.write_all(b"\n")?;
        output.flush()?;
    }
    Ok(())
}

/// Converts one file in this process, turning a panic into a `crashed` failure.
pub fn convert_in_process(path: &str, config: &Config) -> Result<Document, Failure> {
    let converted = panic::catch_unwind(AssertUnwindSafe(|| {
        crate::convert_file(Path::new(path), config)
    }));
    match converted {
        Ok(Ok(document)) => Ok(document),
        Ok(Err(err)) => Err(Failure::from(&err)),
        Err(_) => Err(Failure::new(
            "crashed",
            format!("{path}: planex panicked while converting it"),
        )),
    }
}

fn convert(path: &str, config: &Config) -> Response {
    match convert_in_process(path, config) {
        Ok(document) => Response::Document(Box::new(document)),
        Err(failure) => Response::Error(failure),
    }
}

/// What the parent learned from one request.
#[derive(Debug)]
pub enum Reply {
    /// The worker answered (a document or an error of its own).
    Answered(Result<Box<Document>, Failure>),
    /// The worker is gone (killed on timeout, died, or abandoned); the file
    /// has this failure and the worker must be replaced.
    Lost(Failure),
    /// Ctrl-C asked to abandon in-flight files; the worker was killed.
    Abandoned,
}

/// The parent's handle on one running worker.
pub struct WorkerProcess {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    stderr: Arc<Mutex<String>>,
    stderr_thread: Option<JoinHandle<()>>,
}

impl WorkerProcess {
    /// Starts a worker.
    ///
    /// # Errors
    /// When the executable cannot be started.
    pub fn spawn(options: &WorkerOptions) -> io::Result<Self> {
        let mut child = Command::new(&options.exe)
            .arg(WORKER_SUBCOMMAND)
            .arg("--max-memory")
            .arg(options.max_memory.to_string())
            .arg("--max-bytes")
            .arg(options.max_bytes.to_string())
            .arg("--page-threads")
            .arg(options.page_threads.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let missing = || io::Error::other("worker pipes missing");
        let stdin = child.stdin.take().ok_or_else(missing)?;
        let stdout = child.stdout.take().ok_or_else(missing)?;
        let stderr_pipe = child.stderr.take().ok_or_else(missing)?;
        let (sender, lines) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(at) = line.find(RESPONSE_MARKER) {
                    let response = line[at + RESPONSE_MARKER.len()..].to_owned();
                    if sender.send(response).is_err() {
                        break;
                    }
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let tail = Arc::clone(&stderr);
        let stderr_thread = thread::spawn(move || keep_tail(stderr_pipe, &tail));
        Ok(Self {
            child,
            stdin,
            lines,
            stderr,
            stderr_thread: Some(stderr_thread),
        })
    }

    /// Asks the worker to convert `path` and waits at most `timeout` for the answer.
    ///
    /// `abandon` is polled while waiting: when it returns true, the worker is
    /// killed and [`Reply::Abandoned`] returned.
    pub fn convert(&mut self, path: &str, timeout: Duration, abandon: &dyn Fn() -> bool) -> Reply {
        let request = Request {
            path: path.to_owned(),
        };
        let mut line = serde_json::to_string(&request).unwrap_or_default();
        line.push('\n');
        if self
            .stdin
            .write_all(line.as_bytes())
            .and_then(|()| self.stdin.flush())
            .is_err()
        {
            return Reply::Lost(self.died(path));
        }
        let started = Instant::now();
        loop {
            if abandon() {
                self.kill();
                return Reply::Abandoned;
            }
            let left = timeout.saturating_sub(started.elapsed());
            if left.is_zero() {
                self.kill();
                return Reply::Lost(Failure::new(
                    "timeout",
                    format!(
                        "{path}: no result within {}",
                        super::duration_text(timeout.as_secs_f64())
                    ),
                ));
            }
            match self.lines.recv_timeout(left.min(POLL)) {
                Ok(response) => {
                    return match serde_json::from_str::<Response>(&response) {
                        Ok(Response::Document(document)) => Reply::Answered(Ok(document)),
                        Ok(Response::Error(failure)) => Reply::Answered(Err(failure)),
                        Err(err) => {
                            self.kill();
                            Reply::Lost(Failure::new(
                                "worker_error",
                                format!("{path}: unreadable answer from the worker: {err}"),
                            ))
                        }
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Reply::Lost(self.died(path)),
            }
        }
    }

    /// Kills the worker and reaps it.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The failure of a file whose worker died under it.
    fn died(&mut self, path: &str) -> Failure {
        let status = self.child.wait().ok();
        if let Some(handle) = self.stderr_thread.take() {
            let _ = handle.join();
        }
        let tail = self
            .stderr
            .lock()
            .map(|tail| tail.clone())
            .unwrap_or_default();
        classify_death(path, status, &tail)
    }
}

impl Drop for WorkerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

/// `memory_limit` when the worker's last words are Rust's allocation failure
/// (what hitting RLIMIT_AS looks like), `crashed` otherwise.
fn classify_death(path: &str, status: Option<ExitStatus>, stderr: &str) -> Failure {
    let last = stderr
        .lines()
        .rev()
        .find(|line| line.contains("memory allocation of"))
        .or_else(|| stderr.lines().rev().find(|line| !line.trim().is_empty()))
        .unwrap_or("")
        .trim();
    let how = status.map_or_else(
        || "an unknown status".to_owned(),
        |status| status.to_string(),
    );
    if stderr.contains("memory allocation of") || stderr.contains("capacity overflow") {
        return Failure::new(
            "memory_limit",
            format!("{path}: the worker ran out of its memory limit ({last})"),
        );
    }
    let detail = if last.is_empty() {
        String::new()
    } else {
        format!(": {last}")
    };
    Failure::new(
        "crashed",
        format!("{path}: the worker died with {how}{detail}"),
    )
}

fn keep_tail(mut pipe: impl Read, tail: &Mutex<String>) {
    let mut buffer = [0u8; 4096];
    while let Ok(read) = pipe.read(&mut buffer) {
        if read == 0 {
            break;
        }
        let Ok(mut tail) = tail.lock() else { break };
        tail.push_str(&String::from_utf8_lossy(buffer.get(..read).unwrap_or(&[])));
        if tail.len() > 2 * STDERR_TAIL {
            let cut = tail.len() - STDERR_TAIL;
            let cut = (cut..tail.len())
                .find(|&i| tail.is_char_boundary(i))
                .unwrap_or(0);
            tail.drain(..cut);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serve_answers_each_request_on_one_marked_line() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("plan.txt");
        std::fs::write(&text, "WORK PLAN 2019\n\nThe secretariat will meet twice.").unwrap();
        let missing = dir.path().join("missing.pdf");
        let requests = format!(
            "{}\n\n{}\nnot json\n",
            serde_json::to_string(&Request {
                path: text.display().to_string()
            })
            .unwrap(),
            serde_json::to_string(&Request {
                path: missing.display().to_string()
            })
            .unwrap(),
        );
        let mut out = Vec::new();
        serve(requests.as_bytes(), &mut out, &Config::default()).unwrap();
        let out = String::from_utf8(out).unwrap();
        let responses: Vec<Response> = out
            .lines()
            .map(|line| serde_json::from_str(line.strip_prefix(RESPONSE_MARKER).unwrap()).unwrap())
            .collect();
        assert_eq!(responses.len(), 3);
        assert!(
            matches!(&responses[0], Response::Document(d) if d.source.path == text.display().to_string())
        );
        assert!(matches!(&responses[1], Response::Error(f) if f.kind == "io"));
        assert!(matches!(&responses[2], Response::Error(f) if f.kind == "worker_error"));
    }

    #[test]
    fn deaths_are_classified_from_the_stderr_tail() {
        let oom = classify_death(
            "a.pdf",
            None,
            "memory allocation of 536870913 bytes failed\n",
        );
        assert_eq!(oom.kind, "memory_limit");
        let abort = classify_death("a.pdf", None, "thread 'main' has overflowed its stack\n");
        assert_eq!(abort.kind, "crashed");
        assert!(abort.message.contains("overflowed"), "{}", abort.message);
    }
}
