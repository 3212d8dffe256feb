//! `roster site OUT`: the records as a static website in the folder OUT.

use super::{Exit, Result, Settings};
use roster::check::{policy, Corpus, Options};
use roster::load::schema::Schemas;
use std::io::Write;
use std::path::PathBuf;

/// Write the records as a static website: a home page, a page per member and per source
#[derive(Debug, clap::Args)]
#[command(after_help = "\
The site needs no server and loads nothing from anywhere: open OUT/index.html in a browser, or
publish the folder (GitHub Pages, say). It shows what `roster check` finds, but is written even
when the check finds errors. OUT must be new, empty, or written by roster site before (it then
holds a .roster-site file); pages of records that are gone are removed, and nothing else.

Example:
  roster site _site && xdg-open _site/index.html")]
pub struct SiteArgs {
    /// The folder to write the site to
    #[arg(value_name = "OUT")]
    out: PathBuf,
}

pub fn run(settings: &Settings, args: &SiteArgs, out: &mut dyn Write) -> Result<Exit> {
    let workspace = settings.workspace()?;
    let options = Options {
        levels: policy::load(&workspace.root)?,
        ..Options::default()
    };
    // The documents are kept: the pages show titles, notes and quotes the model leaves out.
    let mut corpus = Corpus::new(Schemas::load(&workspace.schemas)?, true);
    let files = corpus.add_workspace(&workspace)?;
    corpus.parse_pending();
    let side = corpus.take_side(&files, &options);
    let documents = files
        .iter()
        .filter_map(|&i| {
            let result = &corpus.results[i];
            Some((result.file, result.document.as_ref()?))
        })
        .collect();
    // The picture is `roster timeline`'s, with its legend; the site only places it.
    let options = roster::timeline::Options::default();
    let timeline = roster::timeline::legend(&options.id_prefix, false)
        + &roster::timeline::svg(&side.data, &options)?;
    let pages = roster::site::pages(&roster::site::Input {
        data: &side.data,
        documents,
        files: &corpus.sources,
        findings: &side.diagnostics,
        timeline: Some(&timeline),
    });
    let records = workspace.records_dir();
    let written = roster::site::write(&args.out, &pages, &[&records, &workspace.schemas])?;
    if !settings.quiet {
        let removed = match written.removed {
            0 => String::new(),
            n => format!(", and removed {n} of the last write"),
        };
        super::written(writeln!(
            out,
            "wrote {} pages to {}{removed}: open {} in a browser",
            written.pages,
            args.out.display(),
            args.out.join("index.html").display()
        ))?;
    }
    Ok(Exit::Success)
}
