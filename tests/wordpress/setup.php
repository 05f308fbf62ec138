<?php
// Installs the tests' WordPress and its users, then prints their application passwords as
// JSON. Run with php-cli by tests/wordpress/server.py once the database is up:
//   php setup.php CONFIG-NAME HOST:PORT
$_SERVER['WORDPRESS_CONFIG'] = $argv[1];
$_SERVER['HTTP_HOST'] = $argv[2];
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

wp_install('Spotlight test site', 'admin', 'admin@example.org', false, '', 'admin-password-not-used');
$users = ['admin' => 1];
foreach (['editor1' => 'editor', 'author1' => 'author', 'contributor1' => 'contributor'] as $login => $role) {
    $users[$login] = wp_insert_user(['user_login' => $login, 'user_pass' => wp_generate_password(24),
                                     'user_email' => "$login@example.org", 'role' => $role]);
}
$passwords = [];
foreach ($users as $login => $id) {
    [$password, $item] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'spotlight tests']);
    $passwords[$login] = $password;
}
echo json_encode($passwords);
