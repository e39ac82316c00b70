//! `linkguard`: the engine on the command line.
//!
//! - `linkguard check [URL…]`: one JSON verdict per line; without URLs, one per stdin line.
//! - `linkguard eval [--data DIR]`: detection and false-positive rates on the evaluation sets.
//! - `linkguard dnr-rules`: the Chrome declarativeNetRequest ruleset, from the brand table.
//! - `linkguard reason-codes`: every reason code, one per line.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use linkguard::Checker;

mod eval;

const USAGE: &str =
    "usage: linkguard check [URL...] | eval [--data DIR] [--limit N] | dnr-rules | reason-codes";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("linkguard: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let cmd = match parser.next()? {
        Some(Value(v)) => v.string()?,
        Some(Long("help") | Short('h')) | None => {
            println!("{USAGE}");
            return Ok(());
        }
        Some(other) => return Err(other.unexpected().into()),
    };
    match cmd.as_str() {
        "check" => {
            let mut urls = Vec::new();
            while let Some(arg) = parser.next()? {
                match arg {
                    Value(v) => urls.push(v.string()?),
                    other => return Err(other.unexpected().into()),
                }
            }
            check(&urls)
        }
        "eval" => {
            let mut opts = eval::Options::default();
            while let Some(arg) = parser.next()? {
                match arg {
                    Long("data") => opts.data_dir = parser.value()?.string()?.into(),
                    Long("limit") => opts.limit = Some(parser.value()?.parse()?),
                    Long("fp") => opts.show_fp = parser.value()?.parse()?,
                    other => return Err(other.unexpected().into()),
                }
            }
            eval::run(&opts)
        }
        "dnr-rules" => {
            let checker = Checker::new();
            println!(
                "{}",
                serde_json::to_string_pretty(&linkguard::dnr::rules(checker.brands()))?
            );
            Ok(())
        }
        "reason-codes" => {
            for c in linkguard::Code::ALL {
                println!("{}", c.as_str());
            }
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n{USAGE}").into()),
    }
}

fn check(urls: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let checker = Checker::new();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if urls.is_empty() {
        // Exactly one output line per input line, in order, whatever the line holds.
        let stdin = io::stdin();
        let mut buf = Vec::new();
        let mut lock = stdin.lock();
        loop {
            buf.clear();
            if lock.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            let line = String::from_utf8_lossy(&buf);
            let line = line.trim_end_matches(['\n', '\r']);
            serde_json::to_writer(&mut out, &checker.check(line))?;
            out.write_all(b"\n")?;
        }
    } else {
        for u in urls {
            serde_json::to_writer(&mut out, &checker.check(u))?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}
