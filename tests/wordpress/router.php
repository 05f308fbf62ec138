<?php
// The router of PHP's built-in web server in front of Debian's WordPress, for the tests
// (tests/wordpress/server.py starts it). It names this WordPress's own config file
// (/etc/wordpress/config-<SPOTLIGHT_WP_CONFIG>.php, read by Debian's wp-config.php) and serves
// the uploads, which live in the test's own folder, not under the document root.
$_SERVER['WORDPRESS_CONFIG'] = getenv('SPOTLIGHT_WP_CONFIG');
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (strpos($path, '/wp-content/uploads/') === 0) {
    $file = realpath(getenv('SPOTLIGHT_WP_CONTENT') . substr($path, strlen('/wp-content')));
    $uploads = realpath(getenv('SPOTLIGHT_WP_CONTENT') . '/uploads');
    if ($file === false || strpos($file, $uploads . '/') !== 0 || !is_file($file)) {
        http_response_code(404);
        return true;
    }
    header('Content-Type: ' . (mime_content_type($file) ?: 'application/octet-stream'));
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
}
if ($path !== '/' && is_file($_SERVER['DOCUMENT_ROOT'] . $path)) {
    if (substr($path, -4) !== '.php') {
        return false;  // a theme's or WordPress's own static file
    }
    chdir(dirname($_SERVER['DOCUMENT_ROOT'] . $path));
    require $_SERVER['DOCUMENT_ROOT'] . $path;
    return true;
}
chdir($_SERVER['DOCUMENT_ROOT']);
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
return true;
