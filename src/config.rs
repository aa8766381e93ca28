//! Validated library input: limits and options that apply to every document.

/// Resource limits applied while reading one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Inputs larger than this many bytes are refused with
    /// [`ReadError::TooLarge`](crate::ReadError::TooLarge). Default: 256 MiB.
    pub max_bytes: u64,
}

impl Limits {
    /// The default size limit, 256 MiB.
    pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: Self::DEFAULT_MAX_BYTES,
        }
    }
}

/// Everything that changes how planex converts a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Config {
    /// Resource limits.
    pub limits: Limits,
}

impl Config {
    /// The default configuration with the given limits.
    pub fn with_limits(limits: Limits) -> Self {
        Self { limits }
    }
}
