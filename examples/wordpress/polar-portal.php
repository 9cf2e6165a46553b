<?php
/**
 * Plugin Name: Polar customer portal
 * Description: The [polar_portal] shortcode: your customers sign in and manage subscriptions, orders and billing on your own pages.
 * Version: 0.1.0
 * License: MIT
 *
 * Copy this file to wp-content/plugins/, activate it, set the two constants, and put
 * [polar_portal] on a page (or [polar_portal elements="login subscriptions orders"]).
 */

defined('ABSPATH') || exit;

// Your organization's slug on Polar, and where you host dist/portal-elements.js (with its locales/ folder beside it).
const POLAR_PORTAL_ORGANIZATION = 'your-org-slug';
const POLAR_PORTAL_SCRIPT = 'https://your-cdn.example/portal-elements/portal-elements.js';

add_shortcode('polar_portal', function ($attributes) {
    $attributes = shortcode_atts(
        ['elements' => 'app', 'organization' => POLAR_PORTAL_ORGANIZATION, 'api' => 'production', 'script' => POLAR_PORTAL_SCRIPT],
        $attributes,
        'polar_portal'
    );
    $known = ['app', 'login', 'subscriptions', 'seats', 'team', 'orders', 'billing', 'benefits', 'usage', 'claim'];
    $tags = '';
    foreach (preg_split('/\s+/', trim($attributes['elements'])) as $name) {
        if (in_array($name, $known, true)) $tags .= "<portal-$name></portal-$name>\n";
    }
    // One script for the page, however many shortcodes it has (a second copy would be harmless).
    static $script_printed = false;
    $script = $script_printed ? '' : sprintf(
        "<script src=\"%s\" data-organization=\"%s\" data-api=\"%s\" defer></script>\n",
        esc_url($attributes['script']),
        esc_attr($attributes['organization']),
        esc_attr($attributes['api'])
    );
    $script_printed = true;
    return $script . $tags;
});
