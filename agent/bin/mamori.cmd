@echo off
rem Runs Mamori on Windows. Installed: lib\mamori.jar beside bin\. In a source checkout: target\mamori.jar
rem (build it first with "mvn -DskipTests package").
setlocal
set "HERE=%~dp0"
set "JAR=%MAMORI_JAR%"
if "%JAR%"=="" if exist "%HERE%..\lib\mamori.jar" set "JAR=%HERE%..\lib\mamori.jar"
if "%JAR%"=="" set "JAR=%HERE%..\..\target\mamori.jar"
if not exist "%JAR%" (
  echo mamori: %JAR% not found; run "mvn -DskipTests package" in the source folder first 1>&2
  exit /b 2
)
rem Windows names files in UTF-16, so only the console and text defaults need UTF-8
rem the agent exits on OutOfMemoryError; its service manager restarts it
set "OOM="
if /i "%~1"=="agent" set "OOM=-XX:+ExitOnOutOfMemoryError"
java %OOM% -Dfile.encoding=UTF-8 -Dsun.jnu.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 %MAMORI_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
