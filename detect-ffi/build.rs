//! Gives the shared library a SONAME with the exact version: the ABI is
//! not stable before 1.0, so no two versions claim to be compatible.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
        println!(
            "cargo:rustc-cdylib-link-arg=-Wl,-soname,libsladd.so.{version}"
        );
    }
    println!("cargo:rerun-if-changed=build.rs");
}
