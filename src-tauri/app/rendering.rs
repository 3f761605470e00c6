//! How WebKitGTK paints Tend's window (docs/decisions/0013). Tend's pages are
//! text and a few charts: painted in software they need no GL compositor in the
//! page's process, which saves about 90 MiB and shows the first page sooner on
//! a machine without a GPU (llvmpipe), at no cost one can see on one with a GPU.

/// WebKitGTK's own switch: any value but `0` paints without compositing.
#[cfg(target_os = "linux")]
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Paints in software unless she chose otherwise (`WEBKIT_DISABLE_COMPOSITING_MODE=0`
/// keeps WebKit's compositing). Called first thing, before any thread starts:
/// WebKit reads the variable when it starts, and its processes inherit it.
pub fn choose() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(NO_COMPOSITING).is_none() {
        std::env::set_var(NO_COMPOSITING, "1");
    }
}
