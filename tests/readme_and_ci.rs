//! The README's two commands are the ones CI runs, in the same order: `.ci/run` runs each
//! command of the README's "Two commands" block (with a fresh cargo home and npm cache), and no
//! README code block names a command CI does not run. So the README and CI cannot drift apart.

use std::fs;
use std::path::PathBuf;

fn read(path: &str) -> String {
    fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The commands of each shell code block of a Markdown text (comments and blank lines dropped).
fn code_block_commands(markdown: &str) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in markdown.lines() {
        let fence = line.trim_start();
        if let Some(info) = fence.strip_prefix("```") {
            match current.take() {
                Some(block) => blocks.push(block),
                None if matches!(info.trim(), "sh" | "bash" | "shell" | "console") => {
                    current = Some(Vec::new())
                }
                None => current = None,
            }
            continue;
        }
        if let Some(block) = current.as_mut() {
            let command = line.split('#').next().unwrap_or("").trim();
            if !command.is_empty() {
                block.push(command.to_string());
            }
        }
    }
    blocks
}

/// The commands `.ci/run` runs: each `fresh <name> <command…>` line.
fn ci_commands(script: &str) -> Vec<String> {
    script
        .lines()
        .filter_map(|l| l.trim().strip_prefix("fresh "))
        .filter_map(|rest| rest.split_once(' ').map(|(_, cmd)| cmd.trim().to_string()))
        .collect()
}

#[test]
fn ci_runs_the_readmes_two_commands_in_order() {
    let readme = read("README.md");
    let section = readme
        .split("## Two commands")
        .nth(1)
        .expect("README has a \"Two commands\" section");
    let two = code_block_commands(section)
        .into_iter()
        .next()
        .expect("a code block under \"Two commands\"");
    assert_eq!(two, ["cargo xtask build", "cargo xtask test"]);
    assert_eq!(ci_commands(&read(".ci/run")), two);
}

#[test]
fn every_readme_command_is_one_ci_runs() {
    let ci = ci_commands(&read(".ci/run"));
    for block in code_block_commands(&read("README.md")) {
        for command in block {
            assert!(
                ci.contains(&command),
                "README shows `{command}`, which .ci/run does not run"
            );
        }
    }
}

#[test]
fn ci_gives_each_command_an_empty_cargo_home_and_npm_cache() {
    let script = read(".ci/run");
    let fresh = script
        .split("fresh() {")
        .nth(1)
        .and_then(|f| f.split("\n}").next())
        .expect(".ci/run defines fresh()");
    for needle in ["CARGO_HOME=", "npm_config_cache=", "mktemp -d"] {
        assert!(
            fresh.contains(needle) || script.contains(needle),
            ".ci/run: {needle} missing"
        );
    }
    assert!(
        !script.contains("RUSTUP_HOME="),
        "rustup's toolchains stay shared"
    );
}

#[test]
fn the_parsers_see_what_they_should() {
    let md = "text\n```sh\ncargo a   # one\n  # note\ncargo b\n```\n```json\n{}\n```\n";
    assert_eq!(code_block_commands(md), [vec!["cargo a", "cargo b"]]);
    assert_eq!(
        ci_commands("fresh build cargo xtask build\n  fresh t cargo x\n"),
        ["cargo xtask build", "cargo x"]
    );
}
