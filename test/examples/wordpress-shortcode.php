<?php
// Just enough of WordPress to run examples/wordpress/polar-portal.php as a page does: the
// plugin registers its shortcode, and every [polar_portal …] in the page is replaced by its
// output (WordPress's do_shortcode). Usage: php wordpress-shortcode.php <plugin> <page> '<json: attributes for every shortcode>'
define('ABSPATH', __DIR__);
$shortcodes = [];
function add_shortcode($tag, $callback) { global $shortcodes; $shortcodes[$tag] = $callback; }
function shortcode_atts($defaults, $attributes, $tag = '') {
    $attributes = (array) $attributes;
    $out = [];
    foreach ($defaults as $name => $default) $out[$name] = array_key_exists($name, $attributes) ? $attributes[$name] : $default;
    return $out;
}
function esc_url($url) { return htmlspecialchars($url, ENT_QUOTES); }
function esc_attr($text) { return htmlspecialchars($text, ENT_QUOTES); }

require $argv[1];
$page = file_get_contents($argv[2]);
$extra = json_decode($argv[3], true);
echo preg_replace_callback('/\[(\w+)([^\]]*)\]/', function ($match) use ($shortcodes, $extra) {
    if (!isset($shortcodes[$match[1]])) return $match[0];
    preg_match_all('/(\w+)="([^"]*)"/', $match[2], $pairs, PREG_SET_ORDER);
    $attributes = $extra;
    foreach ($pairs as $pair) $attributes[$pair[1]] = $pair[2];
    return $shortcodes[$match[1]]($attributes);
}, $page);
