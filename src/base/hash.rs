//! Hashes as hex: the manifest's SHA-256, the keys of reusable documents, the return form's
//! task hashes, the font cache's names.

use sha2::{Digest, Sha256};

/// The stamp of this build (see `build.rs`): a reuse key or cache name made by another build
/// never matches.
pub const BUILD_ID: &str = env!("FENGONG_BUILD_ID");

/// Bytes as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of `bytes`, hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The first 8 bytes of the SHA-256 of `bytes`, hex (16 characters): enough to tell one
/// text from another where a person may see the value.
pub fn short_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes)[..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_of_known_values() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(short_hex(b""), "e3b0c44298fc1c14");
    }
}
