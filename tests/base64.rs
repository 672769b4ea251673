//! The content wasm's text form on the message channel: RFC 4648 test vectors and a round trip
//! through an independent decoder.

use gitpod_gitlab::base64::encode;
use proptest::prelude::*;

#[test]
fn rfc4648_vectors() {
    for (input, expected) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(encode(input.as_bytes()), expected, "{input:?}");
    }
    assert_eq!(encode(&[0xff, 0xfe, 0x00]), "//4A");
}

fn decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let mut out = Vec::new();
    for quad in text.as_bytes().chunks(4) {
        let data: Vec<u8> = quad
            .iter()
            .copied()
            .filter(|&c| c != b'=')
            .map(value)
            .collect();
        let n = data
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &v)| n | u32::from(v) << (18 - 6 * i));
        out.extend((0..data.len() - 1).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    out
}

proptest! {
    #[test]
    fn round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let text = encode(&bytes);
        prop_assert_eq!(text.len(), bytes.len().div_ceil(3) * 4);
        prop_assert_eq!(decode(&text), bytes);
    }
}

#[test]
fn the_decoder_reads_standard_and_url_safe_with_or_without_padding() {
    use gitpod_gitlab::base64::decode as ours;
    for (input, expected) in [
        ("Zm9vYg==", "foob"),
        ("Zm9vYg", "foob"),
        ("Zm9vYmFy", "foobar"),
        ("", ""),
    ] {
        assert_eq!(ours(input).unwrap(), expected.as_bytes(), "{input}");
    }
    assert_eq!(ours("-_4A").unwrap(), vec![0xfb, 0xfe, 0x00]);
    assert_eq!(ours("+/4A").unwrap(), vec![0xfb, 0xfe, 0x00]);
    assert_eq!(ours("Zm9v!"), None);
}

proptest! {
    #[test]
    fn decode_undoes_encode(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        prop_assert_eq!(gitpod_gitlab::base64::decode(&encode(&bytes)).unwrap(), bytes);
    }
}
