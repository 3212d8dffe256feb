//! How a plain YAML scalar is read: the YAML 1.2 core schema, and what a YAML 1.1 reader would
//! make of it instead.
//!
//! Record files are read by YAML 1.2 (`no` is a string, `014` is the number 14), while many
//! tools still read YAML 1.1 (`no` is false, `014` is octal 12). The loader resolves every plain
//! scalar with [`resolve_core`] and warns (Y003) where [`yaml11_reading`] says another reader
//! would disagree.

use crate::load::tree::NodeKind;
use serde_json::Number;

/// The YAML 1.2 core schema for plain scalars. `Err` names a scalar that JSON cannot hold.
pub fn resolve_core(text: &str) -> Result<NodeKind, &'static str> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Ok(NodeKind::Null),
        "true" | "True" | "TRUE" => return Ok(NodeKind::Bool(true)),
        "false" | "False" | "FALSE" => return Ok(NodeKind::Bool(false)),
        _ => {}
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(i) = text.parse::<i64>() {
            return Ok(NodeKind::Number(i.into()));
        }
        if let Ok(u) = text.trim_start_matches('+').parse::<u64>() {
            return Ok(NodeKind::Number(u.into()));
        }
        return Err("is an integer too large for 64 bits");
    }
    if text.len() > 2 && text.is_char_boundary(2) {
        let (prefix, digits) = text.split_at(2);
        let radix = match prefix {
            "0o" => 8,
            "0x" => 16,
            _ => 0,
        };
        if radix != 0 && !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix)) {
            return u64::from_str_radix(digits, radix)
                .map(|n| NodeKind::Number(n.into()))
                .map_err(|_| "is an integer too large for 64 bits");
        }
    }
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(text, ".nan" | ".NaN" | ".NAN") {
        return Err("is not a finite number, which JSON cannot hold");
    }
    if is_core_float(unsigned) {
        if let Some(n) = text.parse::<f64>().ok().and_then(Number::from_f64) {
            return Ok(NodeKind::Number(n));
        }
        return Err("is not a finite number, which JSON cannot hold");
    }
    Ok(NodeKind::String(text.into()))
}

/// `(\.[0-9]+ | [0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the core schema's float without sign.
fn is_core_float(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], Some(&mantissa[i + 1..])),
        None => (mantissa, None),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match frac {
        None => !int.is_empty() && digits(int),
        Some(frac) => digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty()),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// What a YAML 1.1 reader makes of a plain scalar that YAML 1.2 reads differently, if anything.
/// Dates such as `2010-07-01` are left out on purpose: they are YAML 1.1 timestamps, but record
/// dates are meant as dates, and roster's schemas and exports keep them as text.
pub fn yaml11_reading(text: &str) -> Option<&'static str> {
    match text {
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => {
            return Some("the boolean `true`")
        }
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => {
            return Some("the boolean `false`")
        }
        _ => {}
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let bytes = unsigned.as_bytes();
    if bytes.len() > 1 && bytes[0] == b'0' && bytes.iter().all(u8::is_ascii_digit) {
        return Some("an octal number");
    }
    if let Some(bin) = unsigned.strip_prefix("0b") {
        if !bin.is_empty() && bin.bytes().all(|b| b == b'0' || b == b'1' || b == b'_') {
            return Some("a binary number");
        }
    }
    let numeric_with_underscores = unsigned.contains('_')
        && unsigned
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit() || b == b'.')
        && unsigned
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'_' || b == b'.');
    if numeric_with_underscores {
        return Some("a number with the underscores dropped");
    }
    let mut parts = unsigned.split(':');
    let sexagesimal = unsigned.contains(':')
        && parts.next().is_some_and(|h| {
            !h.is_empty()
                && !h.starts_with('0')
                && h.bytes().all(|b| b.is_ascii_digit() || b == b'_')
        })
        && parts.all(|p| {
            (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) && p < "60"
        });
    if sexagesimal {
        return Some("a base-60 number");
    }
    None
}
