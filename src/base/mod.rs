//! Helpers every stage may use, and which import nothing else of the crate: diagnostics,
//! Chinese text, decoding bytes to text, dates, numbers and hashes.

pub mod cjk;
pub mod date;
pub mod decode;
pub mod diag;
pub mod glyphs;
pub mod hash;
pub mod markup;
pub mod number;

/// Gives a file written through a temporary one (0600 as `tempfile` makes it) the
/// permissions of the file it replaces, or — a new file — those of a file a user saves
/// (0644), so a colleague's account or a backup reads the project's sources as before.
pub fn permissions_as_saved(
    file: &std::fs::File,
    replaced: Option<&std::path::Path>,
) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = replaced
            .and_then(|p| std::fs::metadata(p).ok())
            .map_or(0o644, |m| m.permissions().mode() & 0o7777);
        file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = (file, replaced);
    Ok(())
}
