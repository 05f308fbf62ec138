"""What an author writes, and the visual theme, as read and validated.

Owns: the field declarations, each on the typed model it makes (fields.py, site_fields.py,
report_fields.py, waiver.py), with the schemas they make (schema.py) and the checker those
drive (checker.py); safe YAML (yamlio.py, yaml_errors.py) and front matter
(front_matter.py); reading the content folder and the visual theme chain (load.py, walk.py,
memo.py, theme.py), with the checks of what is read (svg_check.py, theme_css.py,
css_addresses.py, images.py, characters.py, language.py, static_files.py); validation into
the typed models of spotlight/model/ (validate.py, with validate_site.py for the site file,
validate_files.py for report and example files, field_checks.py for what they check alike;
cross_check.py, suggest.py for "did you mean"); and what derives from the declarations for
authors: JSON Schemas (jsonschema.py) and new content files (scaffold.py).

May import: the foundation (errors, file_names, parallel), markdown/ and model/. The stages
above it read its models; it knows nothing of them.
"""
