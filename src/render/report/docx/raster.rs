//! The charts of the Word document: kin's SVG drawn as PNG with resvg, at
//! three times the size it is shown, so that it stays sharp in print; a
//! large picture (the network of many Kommunen) at most 3,000 pixels on its
//! longer side, which is still sharp at the width of an A4 page.

use resvg::{tiny_skia, usvg};
use std::sync::Arc;

/// How many pixels per CSS pixel of the SVG, at most.
const SCALE: f32 = 3.0;
/// The longer side of a picture in pixels, at most.
const MAX_PIXELS: f32 = 3000.0;

/// Draws SVG as PNG with the fonts of this computer, which are looked up
/// once, when the first picture is drawn.
#[derive(Default)]
pub struct Rasteriser {
    options: Option<usvg::Options<'static>>,
}

/// A picture as PNG, its size in pixels and the size of the SVG it was
/// drawn from (CSS pixels).
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub css_width: u32,
    pub css_height: u32,
}

impl Rasteriser {
    /// The PNG of `svg`, or `None` when resvg cannot read it (a bug of
    /// kin's SVG; the document then says what the picture shows in words).
    pub fn png(&mut self, svg: &str) -> Option<Png> {
        let options = self.options.get_or_insert_with(|| {
            let mut options = usvg::Options {
                font_family: "Arial".to_owned(),
                languages: vec!["de".to_owned()],
                ..usvg::Options::default()
            };
            let fonts = Arc::make_mut(&mut options.fontdb);
            fonts.load_system_fonts();
            // Where Arial is missing (Linux), its metric twin or DejaVu.
            for family in ["Arial", "Liberation Sans", "DejaVu Sans"] {
                if fonts
                    .faces()
                    .any(|f| f.families.iter().any(|(n, _)| n == family))
                {
                    fonts.set_sans_serif_family(family);
                    options.font_family = family.to_owned();
                    break;
                }
            }
            options
        });
        let tree = usvg::Tree::from_str(svg, options).ok()?;
        let css = tree.size().to_int_size();
        let scale = SCALE.min(MAX_PIXELS / css.width().max(css.height()) as f32);
        let size = css.scale_by(scale)?;
        let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())?;
        pixmap.fill(tiny_skia::Color::WHITE);
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        let bytes = pixmap.encode_png().ok()?;
        Some(Png {
            bytes,
            width: size.width(),
            height: size.height(),
            css_width: css.width(),
            css_height: css.height(),
        })
    }
}
