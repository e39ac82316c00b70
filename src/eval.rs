//! `linkguard eval`: rates on the evaluation sets (filled in below).

use std::path::PathBuf;

#[derive(Debug)]
pub struct Options {
    pub data_dir: PathBuf,
    pub limit: Option<usize>,
    pub show_fp: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            data_dir: PathBuf::from("../shared/data"),
            limit: None,
            show_fp: 15,
        }
    }
}

pub fn run(_opts: &Options) -> Result<(), Box<dyn std::error::Error>> {
    Ok(())
}
