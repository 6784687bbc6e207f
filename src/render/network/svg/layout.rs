//! Where the nodes of a network picture go: a force-directed layout
//! (Fruchterman and Reingold) from a fixed seed, external partners pushed
//! to the outside, then overlapping boxes moved apart.
//!
//! Only +, −, ×, ÷ and √ are used, which IEEE 754 defines exactly (no sin,
//! cos or exp, whose last bits differ between platforms), and every sum is
//! taken in a fixed order: the same network gives the same picture on
//! every platform.

use std::collections::HashMap;

/// A box to place: its size and whether it is an external partner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutNode {
    pub width: f64,
    pub height: f64,
    pub external: bool,
}

/// Two nodes that attract each other; `weight` grows with the number of
/// lines between them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutEdge {
    pub a: usize,
    pub b: usize,
    pub weight: f64,
}

/// The centre of a node.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Above this many nodes, repulsion only counts neighbours within a few
/// ideal distances (a grid), so time grows linearly.
const EXACT_UP_TO: usize = 400;
/// Above this many nodes no force layout is tried: a picture of more than
/// the Kommunen of a whole Land cannot be read anyway, and the forces pack
/// so many nodes so densely that laying them out takes minutes. They are
/// placed in rows instead ([`rows`]).
const FORCES_UP_TO: usize = 2500;
/// Free space between two boxes.
pub const GAP: f64 = 14.0;

/// The centres of `nodes`, laid out around (0, 0).
pub fn layout(nodes: &[LayoutNode], edges: &[LayoutEdge]) -> Vec<Point> {
    let n = nodes.len();
    if n == 0 {
        return Vec::new();
    }
    if n > FORCES_UP_TO {
        return rows(nodes);
    }
    let mean_size = nodes.iter().map(|b| b.width.max(b.height)).sum::<f64>() / n as f64;
    let k = mean_size * 0.8 + 110.0;
    let side = k * (n as f64).sqrt() * 1.4;
    let mut rng = SplitMix(0x6b69_6e2d_6e65_7477); // "kin-netw"
    let mut points: Vec<Point> = (0..n)
        .map(|_| Point {
            x: (rng.unit() - 0.5) * side,
            y: (rng.unit() - 0.5) * side,
        })
        .collect();
    let iterations = if n <= EXACT_UP_TO { 500 } else { 150 };
    let start = side / 6.0;
    let mut displacement = vec![Point::default(); n];
    for iteration in 0..iterations {
        let temperature = start * (1.0 - iteration as f64 / iterations as f64) + k * 0.02;
        displacement.fill(Point::default());
        if n <= EXACT_UP_TO {
            repel_exact(&points, nodes, k, &mut displacement);
        } else {
            repel_grid(&points, nodes, k, &mut displacement);
        }
        attract(&points, edges, k, &mut displacement);
        pull_to_centre(&points, k, &mut displacement);
        // Once the shape has settled, nodes step off lines that pass
        // through them (only for pictures small enough to be read).
        if n <= EXACT_UP_TO && iteration > iterations / 3 {
            avoid_lines(&points, nodes, edges, &mut displacement);
        }
        for (point, d) in points.iter_mut().zip(&displacement) {
            let length = (d.x * d.x + d.y * d.y).sqrt();
            if length > 0.0 {
                let step = length.min(temperature) / length;
                point.x += d.x * step;
                point.y += d.y * step;
            }
        }
    }
    push_externals_out(&mut points, nodes, k);
    remove_overlaps(&mut points, nodes);
    if n <= EXACT_UP_TO {
        // Moving external partners out drew new lines across the picture:
        // nodes step off those too, in small steps that keep the shape.
        for _ in 0..100 {
            displacement.fill(Point::default());
            avoid_lines(&points, nodes, edges, &mut displacement);
            for (point, d) in points.iter_mut().zip(&displacement) {
                let length = (d.x * d.x + d.y * d.y).sqrt();
                if length > 0.0 {
                    let step = length.min(k * 0.05) / length;
                    point.x += d.x * step;
                    point.y += d.y * step;
                }
            }
        }
        remove_overlaps(&mut points, nodes);
    }
    points
}

/// How strongly two nodes push each other apart: an external partner and
/// a Kommune only weakly, so that external partners around the Kommunen do
/// not squeeze them together.
fn repel(nodes: &[LayoutNode], i: usize, j: usize) -> f64 {
    if nodes[i].external == nodes[j].external {
        1.0
    } else {
        0.3
    }
}

/// The nodes in rows of a square, in their order: Kommunen first, then,
/// below a gap, the external partners.
fn rows(nodes: &[LayoutNode]) -> Vec<Point> {
    let cell_w = nodes.iter().map(|b| b.width).fold(0.0, f64::max) + GAP;
    let cell_h = nodes.iter().map(|b| b.height).fold(0.0, f64::max) + GAP;
    let per_row = ((nodes.len() as f64).sqrt().ceil() as usize).max(1);
    let mut points = Vec::with_capacity(nodes.len());
    let (mut column, mut row) = (0, 0.0);
    for (index, node) in nodes.iter().enumerate() {
        // External partners start a row of their own, a row further down.
        if index > 0 && node.external && !nodes[index - 1].external {
            column = 0;
            row += 2.0;
        } else if column == per_row {
            column = 0;
            row += 1.0;
        }
        points.push(Point {
            x: column as f64 * cell_w,
            y: row * cell_h,
        });
        column += 1;
    }
    points
}

/// Every pair pushes apart with k²/d.
fn repel_exact(points: &[Point], nodes: &[LayoutNode], k: f64, displacement: &mut [Point]) {
    for i in 0..points.len() {
        for j in i + 1..points.len() {
            let (fx, fy) = repulsion(points[i], points[j], i, j, k);
            let (fx, fy) = (fx * repel(nodes, i, j), fy * repel(nodes, i, j));
            displacement[i].x += fx;
            displacement[i].y += fy;
            displacement[j].x -= fx;
            displacement[j].y -= fy;
        }
    }
}

/// Like [`repel_exact`], only for pairs closer than 2k, found through a
/// grid of 2k cells.
fn repel_grid(points: &[Point], nodes: &[LayoutNode], k: f64, displacement: &mut [Point]) {
    let cell = 2.0 * k;
    let cell_of = |p: Point| ((p.x / cell).floor() as i64, (p.y / cell).floor() as i64);
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (index, point) in points.iter().enumerate() {
        grid.entry(cell_of(*point)).or_default().push(index);
    }
    for (i, point) in points.iter().enumerate() {
        let (cx, cy) = cell_of(*point);
        for dx in -1..=1 {
            for dy in -1..=1 {
                let Some(others) = grid.get(&(cx + dx, cy + dy)) else {
                    continue;
                };
                for &j in others {
                    if j == i {
                        continue;
                    }
                    let (ddx, ddy) = (point.x - points[j].x, point.y - points[j].y);
                    if ddx * ddx + ddy * ddy < cell * cell {
                        let (fx, fy) = repulsion(*point, points[j], i, j, k);
                        displacement[i].x += fx * repel(nodes, i, j);
                        displacement[i].y += fy * repel(nodes, i, j);
                    }
                }
            }
        }
    }
}

/// The push of `b` on `a`. Points on top of each other are moved apart in
/// a direction fixed by their indices.
fn repulsion(a: Point, b: Point, i: usize, j: usize, k: f64) -> (f64, f64) {
    let (mut dx, mut dy) = (a.x - b.x, a.y - b.y);
    let mut distance = (dx * dx + dy * dy).sqrt();
    if distance < 0.01 {
        let sign = if i < j { 1.0 } else { -1.0 };
        dx = sign * 0.01;
        dy = sign * 0.005 * ((i + j) % 3) as f64;
        distance = (dx * dx + dy * dy).sqrt();
    }
    let force = k * k / distance;
    (dx / distance * force, dy / distance * force)
}

/// Every edge pulls its ends together with d²/k, times its weight.
fn attract(points: &[Point], edges: &[LayoutEdge], k: f64, displacement: &mut [Point]) {
    for edge in edges {
        let (a, b) = (points[edge.a], points[edge.b]);
        let (dx, dy) = (a.x - b.x, a.y - b.y);
        let distance = (dx * dx + dy * dy).sqrt();
        if distance < 0.01 {
            continue;
        }
        let force = distance * distance / k * edge.weight;
        let (fx, fy) = (dx / distance * force, dy / distance * force);
        displacement[edge.a].x -= fx;
        displacement[edge.a].y -= fy;
        displacement[edge.b].x += fx;
        displacement[edge.b].y += fy;
    }
}

/// Pushes every node away from lines between two other nodes that pass
/// through its box or close by.
fn avoid_lines(
    points: &[Point],
    nodes: &[LayoutNode],
    edges: &[LayoutEdge],
    displacement: &mut [Point],
) {
    for (i, p) in points.iter().enumerate() {
        let reach = 0.5 * nodes[i].width + GAP * 2.0;
        for edge in edges {
            if edge.a == i || edge.b == i {
                continue;
            }
            let (a, b) = (points[edge.a], points[edge.b]);
            let (ex, ey) = (b.x - a.x, b.y - a.y);
            let length2 = ex * ex + ey * ey;
            if length2 < 1.0 {
                continue;
            }
            let t = ((p.x - a.x) * ex + (p.y - a.y) * ey) / length2;
            if t <= 0.05 || t >= 0.95 {
                continue;
            }
            let (cx, cy) = (a.x + ex * t, a.y + ey * t);
            let (dx, dy) = (p.x - cx, p.y - cy);
            let distance = (dx * dx + dy * dy).sqrt();
            if distance >= reach {
                continue;
            }
            // On the line itself: step to the side fixed by the indices.
            let (nx, ny) = if distance < 0.01 {
                let length = length2.sqrt();
                let sign = if (i + edge.a) % 2 == 0 { 1.0 } else { -1.0 };
                (-ey / length * sign, ex / length * sign)
            } else {
                (dx / distance, dy / distance)
            };
            let force = (reach - distance) * 3.0;
            displacement[i].x += nx * force;
            displacement[i].y += ny * force;
        }
    }
}

/// Keeps parts without links near the others: a weak pull to (0, 0).
fn pull_to_centre(points: &[Point], k: f64, displacement: &mut [Point]) {
    for (point, d) in points.iter().zip(displacement.iter_mut()) {
        let strength = 0.05;
        let distance = (point.x * point.x + point.y * point.y).sqrt();
        if distance < 0.01 {
            continue;
        }
        // Proportional to the distance in units of k, like a spring.
        let force = strength * distance * distance / k;
        d.x -= point.x / distance * force;
        d.y -= point.y / distance * force;
    }
}

/// Moves every external partner into a band around the Kommunen, in the
/// direction it already has from their centre.
fn push_externals_out(points: &mut [Point], nodes: &[LayoutNode], k: f64) {
    let kommunen: Vec<usize> = (0..nodes.len()).filter(|&i| !nodes[i].external).collect();
    if kommunen.is_empty() || kommunen.len() == nodes.len() {
        return;
    }
    let count = kommunen.len() as f64;
    let centre = Point {
        x: kommunen.iter().map(|&i| points[i].x).sum::<f64>() / count,
        y: kommunen.iter().map(|&i| points[i].y).sum::<f64>() / count,
    };
    let radius = kommunen
        .iter()
        .map(|&i| {
            let (dx, dy) = (points[i].x - centre.x, points[i].y - centre.y);
            (dx * dx + dy * dy).sqrt() + 0.5 * nodes[i].width.max(nodes[i].height)
        })
        .fold(0.0, f64::max)
        + k * 0.3;
    for (index, node) in nodes.iter().enumerate() {
        if !node.external {
            continue;
        }
        let point = &mut points[index];
        let (mut dx, mut dy) = (point.x - centre.x, point.y - centre.y);
        let mut distance = (dx * dx + dy * dy).sqrt();
        if distance < 0.01 {
            (dx, dy, distance) = (0.0, 1.0, 1.0);
        }
        // Out to the ring, and not much further: far away, an external
        // partner only makes the picture large and its lines long.
        let ring = radius + 0.5 * node.width.max(node.height);
        let target = distance.clamp(ring, ring + k * 0.4);
        point.x = centre.x + dx / distance * target;
        point.y = centre.y + dy / distance * target;
    }
}

/// Moves overlapping boxes apart (with [`GAP`] between them), each pair
/// along the axis where they overlap least, until none overlap. Pairs are
/// found through a grid of cells as large as the largest box, so a pass
/// takes time in proportion to the number of boxes.
pub fn remove_overlaps(points: &mut [Point], nodes: &[LayoutNode]) {
    let cell = nodes
        .iter()
        .map(|b| b.width.max(b.height))
        .fold(0.0, f64::max)
        + GAP;
    let cell_of = |p: Point| ((p.x / cell).floor() as i64, (p.y / cell).floor() as i64);
    for _ in 0..500 {
        let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (index, point) in points.iter().enumerate() {
            grid.entry(cell_of(*point)).or_default().push(index);
        }
        let mut moved = false;
        for a in 0..points.len() {
            let (cx, cy) = cell_of(points[a]);
            for dx in -1..=1 {
                for dy in -1..=1 {
                    let Some(others) = grid.get(&(cx + dx, cy + dy)) else {
                        continue;
                    };
                    for &b in others.iter().filter(|&&b| b > a) {
                        moved |= push_apart(points, nodes, a, b);
                    }
                }
            }
        }
        if !moved {
            break;
        }
    }
}

/// Moves `a` and `b` apart when their boxes (with [`GAP`]) overlap; true
/// if they did.
fn push_apart(points: &mut [Point], nodes: &[LayoutNode], a: usize, b: usize) -> bool {
    let dx = points[b].x - points[a].x;
    let dy = points[b].y - points[a].y;
    let over_x = (nodes[a].width + nodes[b].width) / 2.0 + GAP - dx.abs();
    let over_y = (nodes[a].height + nodes[b].height) / 2.0 + GAP - dy.abs();
    if over_x <= 0.0 || over_y <= 0.0 {
        return false;
    }
    let direction = |d: f64| if d >= 0.0 { 1.0 } else { -1.0 };
    // Moving a short way vertically looks better than a long way
    // sideways: boxes are wider than high.
    if over_y <= over_x {
        let shift = over_y / 2.0 * direction(dy);
        points[a].y -= shift;
        points[b].y += shift;
    } else {
        let shift = over_x / 2.0 * direction(dx);
        points[a].x -= shift;
        points[b].x += shift;
    }
    true
}

/// SplitMix64: a small generator that gives the same numbers everywhere.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(count: usize, external_from: usize) -> Vec<LayoutNode> {
        (0..count)
            .map(|i| LayoutNode {
                width: 60.0 + (i % 4) as f64 * 25.0,
                height: 28.0,
                external: i >= external_from,
            })
            .collect()
    }

    fn overlap(points: &[Point], nodes: &[LayoutNode]) -> Option<(usize, usize)> {
        for a in 0..points.len() {
            for b in a + 1..points.len() {
                let need_x = (nodes[a].width + nodes[b].width) / 2.0;
                let need_y = (nodes[a].height + nodes[b].height) / 2.0;
                if (points[a].x - points[b].x).abs() < need_x - 0.5
                    && (points[a].y - points[b].y).abs() < need_y - 0.5
                {
                    return Some((a, b));
                }
            }
        }
        None
    }

    fn ring(count: usize) -> Vec<LayoutEdge> {
        (0..count)
            .map(|i| LayoutEdge {
                a: i,
                b: (i + 1) % count,
                weight: 1.0,
            })
            .collect()
    }

    #[test]
    fn the_same_input_gives_the_same_layout_and_no_box_overlaps() {
        let nodes = boxes(12, 9);
        let mut edges = ring(9);
        edges.push(LayoutEdge {
            a: 0,
            b: 9,
            weight: 1.0,
        });
        edges.push(LayoutEdge {
            a: 4,
            b: 10,
            weight: 1.0,
        });
        edges.push(LayoutEdge {
            a: 7,
            b: 11,
            weight: 1.0,
        });
        let first = layout(&nodes, &edges);
        assert_eq!(first, layout(&nodes, &edges));
        assert_eq!(overlap(&first, &nodes), None);
        assert!(first.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
    }

    #[test]
    fn linked_nodes_end_up_closer_than_unlinked_ones() {
        let nodes = boxes(6, 6);
        let edges = [
            LayoutEdge {
                a: 0,
                b: 1,
                weight: 1.0,
            },
            LayoutEdge {
                a: 1,
                b: 2,
                weight: 1.0,
            },
            LayoutEdge {
                a: 3,
                b: 4,
                weight: 1.0,
            },
            LayoutEdge {
                a: 4,
                b: 5,
                weight: 1.0,
            },
        ];
        let p = layout(&nodes, &edges);
        let d = |a: usize, b: usize| ((p[a].x - p[b].x).powi(2) + (p[a].y - p[b].y).powi(2)).sqrt();
        assert!(d(0, 1) < d(0, 4) && d(3, 4) < d(2, 4), "{p:?}");
    }

    #[test]
    fn external_partners_stand_outside_the_kommunen() {
        let nodes = boxes(10, 6);
        let mut edges = ring(6);
        for (kommune, external) in [(0, 6), (1, 7), (2, 8), (3, 9), (4, 9)] {
            edges.push(LayoutEdge {
                a: kommune,
                b: external,
                weight: 1.0,
            });
        }
        let p = layout(&nodes, &edges);
        let centre = Point {
            x: p[..6].iter().map(|q| q.x).sum::<f64>() / 6.0,
            y: p[..6].iter().map(|q| q.y).sum::<f64>() / 6.0,
        };
        let from_centre = |q: &Point| ((q.x - centre.x).powi(2) + (q.y - centre.y).powi(2)).sqrt();
        let inner = p[..6].iter().map(from_centre).fold(0.0, f64::max);
        let outer = p[6..].iter().map(from_centre).fold(f64::MAX, f64::min);
        assert!(outer > inner, "inner {inner}, outer {outer}");
    }

    #[test]
    fn many_nodes_are_laid_out_through_the_grid_without_overlaps() {
        let nodes = boxes(EXACT_UP_TO + 50, EXACT_UP_TO + 50);
        let edges = ring(EXACT_UP_TO + 50);
        let p = layout(&nodes, &edges);
        assert_eq!(p, layout(&nodes, &edges));
        assert_eq!(overlap(&p, &nodes), None);
    }

    #[test]
    fn very_many_nodes_are_put_in_rows() {
        let nodes = boxes(FORCES_UP_TO + 10, FORCES_UP_TO);
        let p = layout(&nodes, &ring(FORCES_UP_TO));
        assert_eq!(overlap(&p, &nodes), None);
        let last_kommune = p[FORCES_UP_TO - 1].y;
        assert!(p[FORCES_UP_TO..].iter().all(|q| q.y > last_kommune));
    }

    #[test]
    fn nothing_and_one_node_are_fine() {
        assert!(layout(&[], &[]).is_empty());
        let one = layout(&boxes(1, 1), &[]);
        assert!(one[0].x.is_finite());
    }
}
