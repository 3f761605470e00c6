//! The Quick add shortcut on X11: the key grabbed on the root window, and a
//! thread that blocks on the X connection until a key event arrives. (The
//! global-hotkey crate's listener polls the connection every 50 ms, 20 wake-ups
//! a second for as long as Tend runs; this one has nothing to do until a key
//! is pressed.) One x11rb connection is shared: the thread waits for events
//! while grabs are made from the caller's thread.

use global_hotkey::hotkey::{Code, HotKey, Modifiers};
use std::sync::{Arc, Mutex};
use x11rb::connection::Connection;
use x11rb::errors::ReplyError;
use x11rb::protocol::xkb::{self, ConnectionExt as _};
use x11rb::protocol::xproto::{ConnectionExt as _, GrabMode, KeyButMask, Keycode, ModMask};
use x11rb::protocol::{ErrorKind, Event};
use x11rb::rust_connection::RustConnection;

/// NumLock and CapsLock count as modifiers to X: the key is grabbed with and
/// without each, so the shortcut works whichever is on.
fn locks() -> [ModMask; 4] {
    let none = ModMask::from(0u16);
    [
        none,
        ModMask::M2,
        ModMask::LOCK,
        ModMask::M2 | ModMask::LOCK,
    ]
}

#[derive(Clone, Copy, PartialEq, Eq)]
struct Grab {
    keycode: Keycode,
    mods: ModMask,
}

pub struct X11Shortcut {
    conn: Arc<RustConnection>,
    root: u32,
    grab: Arc<Mutex<Option<Grab>>>,
}

impl X11Shortcut {
    /// Connects to the display and starts the thread that calls `on_press`
    /// each time the grabbed combination goes down (not again while held).
    pub fn connect(on_press: impl Fn() + Send + 'static) -> Result<Self, String> {
        let (conn, screen) = RustConnection::connect(None)
            .map_err(|err| format!("no X11 display to grab keys on: {err}"))?;
        // Held keys repeat as presses only, never release-press pairs.
        let _ = conn
            .xkb_use_extension(1, 0)
            .map_err(|err| err.to_string())?
            .reply();
        if let Ok(cookie) = conn.xkb_per_client_flags(
            xkb::ID::USE_CORE_KBD.into(),
            xkb::PerClientFlag::DETECTABLE_AUTO_REPEAT,
            xkb::PerClientFlag::DETECTABLE_AUTO_REPEAT,
            Default::default(),
            Default::default(),
            Default::default(),
        ) {
            let _ = cookie.reply();
        }
        let root = conn.setup().roots[screen].root;
        let conn = Arc::new(conn);
        let grab = Arc::new(Mutex::new(None));
        let (events, grabbed) = (conn.clone(), grab.clone());
        std::thread::Builder::new()
            .name("tend-shortcut".into())
            .spawn(move || listen(&events, &grabbed, on_press))
            .map_err(|err| err.to_string())?;
        Ok(X11Shortcut { conn, root, grab })
    }

    /// Grabs `hotkey` in place of the current one; if X refuses (another app
    /// holds it), nothing is grabbed and the reason is returned.
    pub fn replace(&self, hotkey: &HotKey) -> Result<(), String> {
        self.release();
        let keysym = keysym_of(hotkey.key)
            .ok_or_else(|| format!("{} cannot be grabbed on X11", hotkey.key))?;
        let keycode = self
            .keycode_of(keysym)?
            .ok_or_else(|| format!("no key on this keyboard types {}", hotkey.key))?;
        let grab = Grab {
            keycode,
            mods: x11_modifiers(hotkey.mods),
        };
        for lock in locks() {
            let checked = self
                .conn
                .grab_key(
                    false,
                    self.root,
                    grab.mods | lock,
                    keycode,
                    GrabMode::ASYNC,
                    GrabMode::ASYNC,
                )
                .map_err(|err| err.to_string())?
                .check();
            if let Err(err) = checked {
                self.ungrab(grab);
                return Err(match err {
                    ReplyError::X11Error(err) if err.error_kind == ErrorKind::Access => {
                        "another application already uses it".to_string()
                    }
                    err => err.to_string(),
                });
            }
        }
        *self.lock_grab() = Some(grab);
        Ok(())
    }

    /// Lets go of the current combination, if any.
    pub fn release(&self) {
        if let Some(grab) = self.lock_grab().take() {
            self.ungrab(grab);
        }
    }

    fn ungrab(&self, grab: Grab) {
        for lock in locks() {
            if let Ok(cookie) = self
                .conn
                .ungrab_key(grab.keycode, self.root, grab.mods | lock)
            {
                cookie.ignore_error();
            }
        }
        let _ = self.conn.flush();
    }

    fn lock_grab(&self) -> std::sync::MutexGuard<'_, Option<Grab>> {
        self.grab
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn keycode_of(&self, keysym: u32) -> Result<Option<Keycode>, String> {
        let setup = self.conn.setup();
        let (first, last) = (setup.min_keycode, setup.max_keycode);
        let mapping = self
            .conn
            .get_keyboard_mapping(first, last - first + 1)
            .map_err(|err| err.to_string())?
            .reply()
            .map_err(|err| err.to_string())?;
        let per_key = usize::from(mapping.keysyms_per_keycode.max(1));
        Ok(mapping
            .keysyms
            .chunks(per_key)
            .position(|syms| syms.contains(&keysym))
            .and_then(|index| u8::try_from(index).ok())
            .map(|index| first + index))
    }
}

/// Waits on the connection; returns when it closes.
fn listen(conn: &RustConnection, grab: &Mutex<Option<Grab>>, on_press: impl Fn()) {
    // Lock keys aside, the modifiers a combination is made of.
    let held = KeyButMask::CONTROL | KeyButMask::SHIFT | KeyButMask::MOD1 | KeyButMask::MOD4;
    let mut down = false;
    while let Ok(event) = conn.wait_for_event() {
        let current = *grab.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let Some(current) = current else { continue };
        match event {
            Event::KeyPress(key) if key.detail == current.keycode => {
                let mods = ModMask::from((key.state & held).bits());
                if mods == current.mods && !down {
                    down = true;
                    on_press();
                }
            }
            Event::KeyRelease(key) if key.detail == current.keycode => down = false,
            _ => {}
        }
    }
}

fn x11_modifiers(mods: Modifiers) -> ModMask {
    let mut mask = ModMask::from(0u16);
    for (modifier, bit) in [
        (Modifiers::SHIFT, ModMask::SHIFT),
        (Modifiers::CONTROL, ModMask::CONTROL),
        (Modifiers::ALT, ModMask::M1),
        (Modifiers::SUPER, ModMask::M4),
        (Modifiers::META, ModMask::M4),
    ] {
        if mods.contains(modifier) {
            mask |= bit;
        }
    }
    mask
}

/// The X keysym a key types (see X11/keysymdef.h); `None` for keys a shortcut
/// does not use.
fn keysym_of(code: Code) -> Option<u32> {
    use Code::*;
    let letters = [
        KeyA, KeyB, KeyC, KeyD, KeyE, KeyF, KeyG, KeyH, KeyI, KeyJ, KeyK, KeyL, KeyM, KeyN, KeyO,
        KeyP, KeyQ, KeyR, KeyS, KeyT, KeyU, KeyV, KeyW, KeyX, KeyY, KeyZ,
    ];
    let digits = [
        Digit0, Digit1, Digit2, Digit3, Digit4, Digit5, Digit6, Digit7, Digit8, Digit9,
    ];
    let numpad = [
        Numpad0, Numpad1, Numpad2, Numpad3, Numpad4, Numpad5, Numpad6, Numpad7, Numpad8, Numpad9,
    ];
    let functions = [
        F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13, F14, F15, F16, F17, F18, F19, F20,
        F21, F22, F23, F24,
    ];
    let at = |keys: &[Code], first: u32| {
        keys.iter()
            .position(|key| *key == code)
            .map(|index| first + index as u32)
    };
    at(&letters, 0x0061)
        .or_else(|| at(&digits, 0x0030))
        .or_else(|| at(&numpad, 0xffb0))
        .or_else(|| at(&functions, 0xffbe))
        .or_else(|| named_keysym(code))
}

fn named_keysym(code: Code) -> Option<u32> {
    use Code::*;
    Some(match code {
        Space => 0x0020,
        Quote => 0x0027,
        Comma => 0x002c,
        Minus => 0x002d,
        Period => 0x002e,
        Slash => 0x002f,
        Semicolon => 0x003b,
        Equal => 0x003d,
        BracketLeft => 0x005b,
        Backslash => 0x005c,
        BracketRight => 0x005d,
        Backquote => 0x0060,
        Backspace => 0xff08,
        Tab => 0xff09,
        Enter => 0xff0d,
        Pause => 0xff13,
        ScrollLock => 0xff14,
        Escape => 0xff1b,
        Home => 0xff50,
        ArrowLeft => 0xff51,
        ArrowUp => 0xff52,
        ArrowRight => 0xff53,
        ArrowDown => 0xff54,
        PageUp => 0xff55,
        PageDown => 0xff56,
        End => 0xff57,
        PrintScreen => 0xff61,
        Insert => 0xff63,
        NumpadMultiply => 0xffaa,
        NumpadAdd => 0xffab,
        NumpadSubtract => 0xffad,
        NumpadDecimal => 0xffae,
        NumpadDivide => 0xffaf,
        Delete => 0xffff,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_their_x_keysyms() {
        let keysym = |text: &str| keysym_of(text.parse::<HotKey>().expect("parses").key);
        assert_eq!(keysym("Ctrl+Alt+T"), Some(0x0074), "t");
        assert_eq!(keysym("Ctrl+Alt+A"), Some(0x0061));
        assert_eq!(keysym("Ctrl+Alt+Z"), Some(0x007a));
        assert_eq!(keysym("Super+7"), Some(0x0037));
        assert_eq!(keysym("Ctrl+F1"), Some(0xffbe));
        assert_eq!(keysym("Ctrl+F12"), Some(0xffc9));
        assert_eq!(keysym("Ctrl+Alt+Space"), Some(0x0020));
        assert_eq!(keysym("Ctrl+Alt+Enter"), Some(0xff0d));
        assert_eq!(keysym("Alt+ArrowUp"), Some(0xff52));
        assert_eq!(keysym("Ctrl+Alt+Numpad5"), Some(0xffb5));
        assert_eq!(keysym_of(Code::MediaPlay), None);
    }

    #[test]
    fn modifiers_map_to_x_masks() {
        let mods = |text: &str| x11_modifiers(text.parse::<HotKey>().expect("parses").mods);
        assert_eq!(mods("Ctrl+Alt+T"), ModMask::CONTROL | ModMask::M1);
        assert_eq!(mods("Super+Shift+Q"), ModMask::M4 | ModMask::SHIFT);
    }
}
