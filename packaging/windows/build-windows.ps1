# Builds the Windows bundle and installer, and smoke-tests the bundle.
#
#   $env:PYTHON = "python"   # the environment with the app and PyInstaller (pip install -e .[dev])
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
#
# Needs Inno Setup 6 (iscc.exe on PATH or in its default folder).
# UNTESTED here (no Windows on the build machine): see packaging/README.md.
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root
$Python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
$Version = & $Python -c "import desktop; print(desktop.__version__)"

# A throw-away profile for every run of the app: the real user's data is never touched.
$Work = Join-Path ([System.IO.Path]::GetTempPath()) ("coffee-chats-build-" + [guid]::NewGuid())
New-Item -ItemType Directory $Work | Out-Null
$env:LOCALAPPDATA = Join-Path $Work "local"
$env:APPDATA = Join-Path $Work "roaming"
$env:COFFEE_CHATS_NO_WELCOME = "1"
New-Item -ItemType Directory $env:LOCALAPPDATA, $env:APPDATA | Out-Null

& $Python -m PyInstaller --noconfirm --clean --log-level WARN packaging\coffee-chats.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$Exe = Join-Path $Root "dist\coffee-chats\coffee-chats.exe"

function Invoke-App([string[]]$Arguments) {
    # A windowed (no console) exe: wait for it and read its exit code.
    $p = Start-Process -FilePath $Exe -ArgumentList $Arguments -Wait -PassThru -NoNewWindow
    if ($p.ExitCode -ne 0) { throw "coffee-chats $Arguments exited $($p.ExitCode)" }
}
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-App @("--version")
Invoke-App @("--smoke-test", "--db", (Join-Path $Work "smoke.sqlite"))
Invoke-App @("demo", "--db", (Join-Path $Work "demo.sqlite"))
Invoke-App @("sheet", "1", "--db", (Join-Path $Work "demo.sqlite"), "--out", (Join-Path $Work "sheet.pdf"))
if (-not (Test-Path (Join-Path $Work "sheet.pdf"))) { throw "no question sheet" }
Remove-Item Env:\QT_QPA_PLATFORM

$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" packaging\windows\coffee-chats.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Get-ChildItem dist\*.exe | Format-Table Name, Length
Remove-Item -Recurse -Force $Work
